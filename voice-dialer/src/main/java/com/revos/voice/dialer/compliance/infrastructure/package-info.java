@NullMarked
package com.revos.voice.dialer.compliance.infrastructure;

import org.jspecify.annotations.NullMarked;
