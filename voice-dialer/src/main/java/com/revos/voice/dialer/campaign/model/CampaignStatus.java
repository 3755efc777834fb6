package com.revos.voice.dialer.campaign.model;

import java.util.Locale;

/** A campaign's lifecycle: draft -> running <-> paused -> completed | cancelled. */
public enum CampaignStatus {
    DRAFT, RUNNING, PAUSED, COMPLETED, CANCELLED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus of(String db) {
        return valueOf(db.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == COMPLETED || this == CANCELLED;
    }
}
