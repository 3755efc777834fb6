package com.revos.voice.provisioning;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, valid US numbers and Twilio SIDs, so tests sharing one database never collide. */
final class TestNumbers {

    private static final AtomicInteger NEXT = new AtomicInteger(1000);

    private TestNumbers() {
    }

    /** A valid number in the given US area code (the 555 exchange is libphonenumber's example exchange). */
    static String e164(String areaCode) {
        return "+1" + areaCode + "555" + NEXT.getAndIncrement();
    }

    static String sid() {
        var bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "PN" + HexFormat.of().formatHex(bytes);
    }
}
