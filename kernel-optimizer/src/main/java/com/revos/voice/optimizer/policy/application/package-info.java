/** The tenant's optimizer policy: reading, validating, storing. */
@NullMarked
package com.revos.voice.optimizer.policy.application;

import org.jspecify.annotations.NullMarked;
