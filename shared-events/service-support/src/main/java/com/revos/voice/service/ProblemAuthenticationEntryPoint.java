package com.revos.voice.service;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json, like every other error of the API. A refused token is answered with the reason from a
 * fixed vocabulary ({@link TokenRules} and the few below), never with text from the token or the key.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String NO_TOKEN = "no bearer token in the Authorization header";
    static final String BAD_SIGNATURE = "the token's signature does not verify";
    static final String NOT_ACCEPTED = "the token is signed with an algorithm or key id (kid) this service does not "
            + "accept";
    static final String MALFORMED = "the token is not a well-formed signed JWT";

    private static final Set<String> RULES = Set.of(TokenRules.NO_EXPIRY, TokenRules.EXPIRED, TokenRules.TOO_LONG,
            TokenRules.NOT_YET_VALID, TokenRules.WRONG_ISSUER, TokenRules.WRONG_AUDIENCE);

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        var reasons = reasons(e);
        response.setHeader("WWW-Authenticate", reasons.equals(List.of(NO_TOKEN)) ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"" + reasons.getFirst() + "\"");
        write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "Send a valid bearer token in the Authorization header: " + String.join("; ", reasons),
                reasons.stream().map(reason -> new ApiException.FieldError("Authorization", reason)).toList());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Forbidden", "This endpoint needs the operator role", List.of());
    }

    /** Why the token was refused, only in words of our own: the exception messages may quote the token. */
    static List<String> reasons(AuthenticationException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                var named = invalid.getErrors().stream().map(error -> error.getDescription())
                        .filter(RULES::contains).distinct().toList();
                return named.isEmpty() ? List.of(MALFORMED) : named;
            }
        }
        var message = String.valueOf(e.getMessage());
        if (e instanceof org.springframework.security.authentication.InsufficientAuthenticationException
                || e instanceof org.springframework.security.authentication.AuthenticationCredentialsNotFoundException) {
            return List.of(NO_TOKEN);
        }
        if (message.contains("Invalid signature")) {
            return List.of(BAD_SIGNATURE);
        }
        if (message.contains("Another algorithm expected") || message.contains("no matching key")
                || message.contains("Unsupported algorithm")) {
            return List.of(NOT_ACCEPTED);
        }
        return List.of(MALFORMED);
    }

    private static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
                              List<ApiException.FieldError> errors) throws IOException {
        var problem = ApiErrors.problem(status, title, detail, errors);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        var body = new LinkedHashMap<String, Object>();
        body.put("type", Objects.requireNonNull(problem.getType(), "Problems.of sets the type").toString());

        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(error -> java.util.Map.of("field", error.field(),
                    "reason", error.reason())).toList());
        }
        JSON.writeValue(response.getOutputStream(), body);
    }
}
