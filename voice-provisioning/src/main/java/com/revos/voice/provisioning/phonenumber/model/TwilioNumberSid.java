package com.revos.voice.provisioning.phonenumber.model;

import java.util.regex.Pattern;

/** Twilio's id of an incoming phone number: {@code PN} and 32 hex digits. */
public final class TwilioNumberSid {

    private static final Pattern FORMAT = Pattern.compile("PN[0-9a-fA-F]{32}");

    private TwilioNumberSid() {
    }

    public static boolean isValid(String sid) {
        return sid != null && FORMAT.matcher(sid).matches();
    }
}
