package com.revos.voice.simulator.calls.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** ElevenLabs' webhook signature: {@code t=<ts>,v0=<hex hmac_sha256(secret, "<ts>.<body>")>} (provider-apis.md §5.3). */
public final class WebhookSigner {

    private final byte[] secret;

    public WebhookSigner(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String header(long timestampSecs, String body) {
        return "t=" + timestampSecs + ",v0=" + hmacHex(timestampSecs + "." + body);
    }

    private String hmacHex(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
