package com.revos.voice.dialer.compliance.model;

import java.util.Locale;

/** Where a fact about the contact's location came from; kept on every evidence record. */
public enum Source {
    /** libphonenumber's zones or geocoded state for the number's prefix (area code). */
    AREA_CODE,
    /** The contact's own {@code time_zone}. */
    TIME_ZONE,
    /** The contact's own {@code state}. */
    STATE,
    /** The state the contact's US {@code postal_code} (ZIP) lies in. */
    POSTAL_CODE,
    /** Nothing named a zone: the operator's default zone. */
    DEFAULT_ZONE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
