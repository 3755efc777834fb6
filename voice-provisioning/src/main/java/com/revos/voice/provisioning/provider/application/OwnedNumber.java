package com.revos.voice.provisioning.provider.application;

/** A number bought from the carrier: its carrier id (Twilio {@code PN...} SID) and E.164 form. */
public record OwnedNumber(String carrierId, String e164) {
}
