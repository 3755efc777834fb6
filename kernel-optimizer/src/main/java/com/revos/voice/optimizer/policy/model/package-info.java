/** The optimizer policy and its validation; plain Java. */
@NullMarked
package com.revos.voice.optimizer.policy.model;

import org.jspecify.annotations.NullMarked;
