package com.revos.voice.provisioning.provider.application;

/** A number the carrier offers for purchase. */
public record AvailableNumber(String e164, String locality, String region, String isoCountry) {
}
