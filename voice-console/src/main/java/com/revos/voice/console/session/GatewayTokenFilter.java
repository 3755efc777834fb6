package com.revos.voice.console.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind the gateway the user's JWT arrives in the Authorization header: it signs in that one request (nothing is
 * stored in a session), and takes precedence over a session's token. A refused token is a 401, not a fallback.
 */
final class GatewayTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private final TokenVerifier verifier;

    GatewayTokenFilter(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var result = verifier.verify(header.substring(BEARER.length()));
        if (result.user().isEmpty()) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, result.problem());
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(Authentications.of(result.user().get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
