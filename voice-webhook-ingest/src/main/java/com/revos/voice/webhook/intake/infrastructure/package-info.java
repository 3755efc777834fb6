@NullMarked
package com.revos.voice.webhook.intake.infrastructure;

import org.jspecify.annotations.NullMarked;
