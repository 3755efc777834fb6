@NullMarked
package com.revos.voice.webhook.intake.application;

import org.jspecify.annotations.NullMarked;
