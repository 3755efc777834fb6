@NullMarked
package com.revos.voice.console.web;

import org.jspecify.annotations.NullMarked;
