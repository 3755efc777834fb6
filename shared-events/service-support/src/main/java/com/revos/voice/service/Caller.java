package com.revos.voice.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The authenticated caller, read from the JWT: {@code sub}, {@code tenants} and {@code roles} (design.md §4). */
public record Caller(String subject, Set<UUID> tenants, Set<String> roles) {

    public static final String OPERATOR = "operator";

    public boolean isMemberOf(UUID tenantId) {
        return tenants.contains(tenantId);
    }

    public boolean isOperator() {
        return roles.contains(OPERATOR);
    }

    /** The caller of the current request; fails if the request is not authenticated with a JWT. */
    public static Caller current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new IllegalStateException("No JWT caller on this request");
        }
        return of(jwt);
    }

    static Caller of(Jwt jwt) {
        return new Caller(jwt.getSubject(), strings(jwt, "tenants").stream().flatMap(Caller::uuid)
                .collect(Collectors.toUnmodifiableSet()),
                Set.copyOf(strings(jwt, "roles")));
    }

    private static List<String> strings(Jwt jwt, String claim) {
        var values = jwt.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }

    /** A tenant claim that is not a UUID names no tenant. */
    private static java.util.stream.Stream<UUID> uuid(String value) {
        try {
            return java.util.stream.Stream.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return java.util.stream.Stream.empty();
        }

    }
}
