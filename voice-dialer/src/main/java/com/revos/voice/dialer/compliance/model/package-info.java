@NullMarked
package com.revos.voice.dialer.compliance.model;

import org.jspecify.annotations.NullMarked;
