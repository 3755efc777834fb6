@NullMarked
package com.revos.voice.provisioning.phonenumber.application;

import org.jspecify.annotations.NullMarked;
