package com.revos.voice.dialer.campaign.model;

import com.revos.voice.events.CallOutcome;
import java.time.Duration;
import java.time.Instant;

/**
 * How often and how soon a contact is called again, by outcome: busy lines free up sooner than unanswered ones.
 * Delays are in seconds.
 */
public record RetryPolicy(int maxAttempts, int busy, int noAnswer, int voicemail, int failed) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, 300, 3600, 7200, 900);

    /** What becomes of a contact after an attempt ended with {@code outcome}, {@code attempts} made so far. */
    public ContactNext next(CallOutcome outcome, int attempts, Instant now) {
        if (outcome == CallOutcome.CONNECTED) {
            return new ContactNext.Done();
        }
        if (attempts >= maxAttempts) {
            return new ContactNext.Exhausted();
        }
        return new ContactNext.RetryAt(now.plus(Duration.ofSeconds(delaySeconds(outcome))));
    }

    int delaySeconds(CallOutcome outcome) {
        return switch (outcome) {
            case BUSY -> busy;
            case NO_ANSWER -> noAnswer;
            case VOICEMAIL -> voicemail;
            case FAILED, CANCELLED, CONNECTED -> failed;
        };
    }

    /** The contact's next state. */
    public sealed interface ContactNext {
        record Done() implements ContactNext {
        }

        record Exhausted() implements ContactNext {
        }

        record RetryAt(Instant at) implements ContactNext {
        }
    }
}
