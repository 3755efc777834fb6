/** The kernel optimizer: decides on campaigns' outcomes with sequential evidence (ADR 0012). */
@NullMarked
package com.revos.voice.optimizer;

import org.jspecify.annotations.NullMarked;
