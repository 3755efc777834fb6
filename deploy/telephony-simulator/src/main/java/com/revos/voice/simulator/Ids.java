package com.revos.voice.simulator;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Provider-looking identifiers; random on purpose (the seed governs outcomes, not ids). */
public final class Ids {

    private Ids() {
    }

    public static String of(String prefix, int hexChars) {
        byte[] bytes = new byte[(hexChars + 1) / 2];
        ThreadLocalRandom.current().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes).substring(0, hexChars);
    }
}
