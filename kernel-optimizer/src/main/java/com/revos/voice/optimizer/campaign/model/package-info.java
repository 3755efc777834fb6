/** A campaign's state, the sequential tests and the four rules; plain Java. */
@NullMarked
package com.revos.voice.optimizer.campaign.model;

import org.jspecify.annotations.NullMarked;
