package com.revos.voice.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks that callers authenticate the way the real providers demand (any credential is accepted): ElevenLabs
 * paths need {@code xi-api-key}, Twilio paths HTTP Basic. Clients that forget the header fail here as they would
 * in production.
 */
@Component
class ProviderAuthFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path.startsWith("/v1/") && isBlank(request.getHeader("xi-api-key"))) {
            write(response, 401, ProviderErrors.elevenLabsJson("authentication_error", "invalid_api_key",
                    "Invalid API key", "invalid_api_key", "xi-api-key"));
            return;
        }
        if (path.startsWith("/2010-04-01/") && !hasBasicCredentials(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            write(response, 401, ProviderErrors.twilioJson(20003, "Authenticate", 401));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBasicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 && colon < decoded.length() - 1;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json);
    }
}
