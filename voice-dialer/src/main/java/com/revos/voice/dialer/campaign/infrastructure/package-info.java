@NullMarked
package com.revos.voice.dialer.campaign.infrastructure;

import org.jspecify.annotations.NullMarked;
