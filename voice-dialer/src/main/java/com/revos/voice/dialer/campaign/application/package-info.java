@NullMarked
package com.revos.voice.dialer.campaign.application;

import org.jspecify.annotations.NullMarked;
