/**
 * Value types that several services' models share, defined once: plain Java (libphonenumber's metadata only), so
 * that any {@code model} package may use them.
 */
@NullMarked
package com.revos.voice.values;

import org.jspecify.annotations.NullMarked;
