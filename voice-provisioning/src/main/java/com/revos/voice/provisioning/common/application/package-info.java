@NullMarked
package com.revos.voice.provisioning.common.application;

import org.jspecify.annotations.NullMarked;
