package com.revos.voice.webhook.intake.application;

import com.revos.voice.webhook.intake.model.SignatureCheck;
import java.util.UUID;

/** What the intake did with one webhook; the HTTP edge turns it into a status and metrics. */
public sealed interface Receipt {

    /** The webhook's type, bounded to known values (safe as a metric tag). */
    String kind();

    record Published(String kind, UUID eventId) implements Receipt {
    }

    record Quarantined(String kind, UUID quarantineId, String reason) implements Receipt {
    }

    /** A recording: its existence published as {@code eventId}, the audio kept by the store or dropped. */
    record AudioReceived(String kind, UUID eventId, int bytes) implements Receipt {
    }

    record Ignored(String kind) implements Receipt {
    }

    record Rejected(String kind, SignatureCheck check) implements Receipt {
    }

    /** Correctly signed, but bigger than any payload but a recording may be. */
    record TooLarge(String kind) implements Receipt {
    }
}
