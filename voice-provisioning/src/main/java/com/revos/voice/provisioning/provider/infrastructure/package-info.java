@NullMarked
package com.revos.voice.provisioning.provider.infrastructure;

import org.jspecify.annotations.NullMarked;
