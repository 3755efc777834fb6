@NullMarked
package com.revos.voice.provisioning.phonenumber.infrastructure;

import org.jspecify.annotations.NullMarked;
