package com.revos.voice.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claims every accepted token must carry, checked after its signature: an {@code exp} in the future, a lifetime
 * no longer than the maximum, no {@code nbf} or {@code iat} in the future, the configured issuer and audience. Each
 * failure is named by a fixed reason, so that nothing of the token itself ever reaches an answer or a log line.
 */
final class TokenRules implements OAuth2TokenValidator<Jwt> {

    static final String NO_EXPIRY = "the token has no exp claim; tokens must expire";
    static final String EXPIRED = "the token has expired";
    static final String TOO_LONG = "the token is valid for longer than this service accepts";
    static final String NOT_YET_VALID = "the token is not valid yet (nbf or iat in the future)";
    static final String WRONG_ISSUER = "the token's issuer (iss) is not the one this service trusts";
    static final String WRONG_AUDIENCE = "the token's audience (aud) does not name this service";

    private final SecurityProperties.Tokens settings;
    private final Clock clock;

    TokenRules(SecurityProperties.Tokens settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        var reasons = new ArrayList<String>();
        var now = clock.instant();
        var skew = settings.clockSkew();
        var expiresAt = token.getExpiresAt();
        var issuedAt = token.getIssuedAt();
        if (expiresAt == null) {
            reasons.add(NO_EXPIRY);
        } else {
            if (!now.minus(skew).isBefore(expiresAt)) {
                reasons.add(EXPIRED);
            }
            var from = issuedAt == null ? now : issuedAt;
            if (Duration.between(from, expiresAt).compareTo(settings.maxLifetime().plus(skew)) > 0) {
                reasons.add(TOO_LONG);
            }
        }
        if (inTheFuture(token.getNotBefore(), now, skew) || inTheFuture(issuedAt, now, skew)) {
            reasons.add(NOT_YET_VALID);
        }
        if (!settings.issuer().equals(token.getClaimAsString("iss"))) {
            reasons.add(WRONG_ISSUER);
        }
        var audience = token.getAudience();
        if (audience == null || !audience.contains(settings.audience())) {
            reasons.add(WRONG_AUDIENCE);
        }
        return reasons.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(
                reasons.stream().map(reason -> new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null)).toList());
    }

    private static boolean inTheFuture(@Nullable Instant instant, Instant now, Duration skew) {
        return instant != null && instant.isAfter(now.plus(skew));
    }
}
