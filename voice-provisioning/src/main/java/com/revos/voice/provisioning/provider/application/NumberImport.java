package com.revos.voice.provisioning.provider.application;

/** A carrier number to import into the voice agent platform; the adapter adds the carrier credentials. */
public record NumberImport(String e164, String label) {
}
