/** The policy API and its PostgreSQL store. */
@NullMarked
package com.revos.voice.optimizer.policy.infrastructure;

import org.jspecify.annotations.NullMarked;
