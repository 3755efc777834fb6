package com.revos.voice.webhook.intake.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The ElevenLabs post-call webhook signature (provider-apis.md 5.3): header {@code t=<unix secs>,v0=<hex>} where the
 * hex is the HMAC-SHA256 of {@code "<t>.<raw body>"}. Checked on the raw bytes, before any parsing, because a
 * re-serialized body would not match. Several secrets may be valid at once so that a secret can be rotated without
 * rejecting webhooks in flight. The timestamp bounds stop replays of old deliveries; the SDKs only check age, the
 * future bound guards against a sender whose clock (or forger) runs ahead.
 */
public final class PostCallSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_HEADER_LENGTH = 2048;

    private final List<SecretKeySpec> keys;
    private final Duration maxAge;
    private final Duration maxFutureSkew;

    public PostCallSignature(List<String> secrets, Duration maxAge, Duration maxFutureSkew) {
        var usable = secrets.stream().filter(secret -> secret != null && !secret.isBlank()).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("At least one ElevenLabs webhook secret is needed");
        }
        this.keys = usable.stream()
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM)).toList();
        this.maxAge = maxAge;
        this.maxFutureSkew = maxFutureSkew;
    }

    /**
     * What the header alone says, before the body is read: {@link SignatureCheck#VALID} means only "worth reading";
     * a missing, malformed, expired or future header is refused without reading a byte of the body.
     */
    public SignatureCheck screen(@Nullable String header, Instant now) {
        return parse(header, now).check();
    }

    public SignatureCheck verify(@Nullable String header, byte[] body, Instant now) {
        var parsed = parse(header, now);
        if (!(parsed instanceof Signed(var timestamp, var digests))) {
            return parsed.check();
        }
        var matched = false;
        // every key and every offered digest is compared, so the time taken does not tell which one matched
        for (var key : keys) {
            var expected = ("v0=" + HexFormat.of().formatHex(hmac(key, timestamp, body)))
                    .getBytes(StandardCharsets.US_ASCII);
            for (var digest : digests) {
                matched |= MessageDigest.isEqual(expected, digest);
            }
        }
        return matched ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }

    /** A header is refused for one reason, or signed at a time with some digests: never half of each. */
    private sealed interface Parsed {
        SignatureCheck check();
    }

    private record Refused(SignatureCheck check) implements Parsed {
    }

    private record Signed(String timestamp, List<byte[]> digests) implements Parsed {
        @Override
        public SignatureCheck check() {
            return SignatureCheck.VALID;
        }
    }

    private Parsed parse(@Nullable String header, Instant now) {

        if (header == null || header.isBlank()) {
            return new Refused(SignatureCheck.MISSING);
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            return new Refused(SignatureCheck.MALFORMED);
        }
        String timestamp = null;
        var digests = new ArrayList<byte[]>();
        for (var part : header.split(",")) {
            var element = part.strip();
            if (element.startsWith("t=")) {
                timestamp = element.substring(2);
            } else if (element.startsWith("v0=")) {
                digests.add(element.getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (timestamp == null || digests.isEmpty() || !isDigits(timestamp)) {
            return new Refused(SignatureCheck.MALFORMED);
        }
        var signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (signedAt.isBefore(now.minus(maxAge))) {
            return new Refused(SignatureCheck.EXPIRED);
        }
        if (signedAt.isAfter(now.plus(maxFutureSkew))) {
            return new Refused(SignatureCheck.FROM_THE_FUTURE);
        }
        return new Signed(timestamp, digests);
    }

    /** The header a sender with this secret would send: for the simulator, tests and the benchmark. */
    public static String header(String secret, long unixSeconds, byte[] body) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        var timestamp = Long.toString(unixSeconds);
        return "t=" + timestamp + ",v0=" + HexFormat.of().formatHex(hmac(key, timestamp, body));
    }

    private static byte[] hmac(SecretKeySpec key, String timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty() || text.length() > 12) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
