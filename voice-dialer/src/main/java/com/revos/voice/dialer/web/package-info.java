@NullMarked
package com.revos.voice.dialer.web;

import org.jspecify.annotations.NullMarked;
