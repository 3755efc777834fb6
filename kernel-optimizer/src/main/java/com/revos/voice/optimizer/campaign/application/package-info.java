/** Applying events to a campaign's state and recording what the rules decide. */
@NullMarked
package com.revos.voice.optimizer.campaign.application;

import org.jspecify.annotations.NullMarked;
