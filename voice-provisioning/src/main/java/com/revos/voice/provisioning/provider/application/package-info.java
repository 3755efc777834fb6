@NullMarked
package com.revos.voice.provisioning.provider.application;

import org.jspecify.annotations.NullMarked;
