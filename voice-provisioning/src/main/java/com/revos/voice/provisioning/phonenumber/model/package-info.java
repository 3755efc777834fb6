@NullMarked
package com.revos.voice.provisioning.phonenumber.model;

import org.jspecify.annotations.NullMarked;
