@NullMarked
package com.revos.voice.webhook.intake.model;

import org.jspecify.annotations.NullMarked;
