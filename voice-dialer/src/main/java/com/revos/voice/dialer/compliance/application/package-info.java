@NullMarked
package com.revos.voice.dialer.compliance.application;

import org.jspecify.annotations.NullMarked;
