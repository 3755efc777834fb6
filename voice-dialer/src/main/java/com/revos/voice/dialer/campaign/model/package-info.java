@NullMarked
package com.revos.voice.dialer.campaign.model;

import org.jspecify.annotations.NullMarked;
