package com.revos.voice.service;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code revos.security.*}: the HS256 secret ({@code REVOS_JWT_SECRET}) or a JWKS URI, the CORS origins, and the
 * database role that tenant transactions switch to for row-level security (unset: none, see
 * {@link RowLevelSecurityAutoConfiguration}). The secret is never logged or echoed.
 */
@ConfigurationProperties("revos.security")
public record SecurityProperties(
        String jwtSecret,
        String jwkSetUri,
        @DefaultValue List<String> corsAllowedOrigins,
        String tenantRole) {

    @Override
    public String toString() {
        return "SecurityProperties[jwtSecret=" + (jwtSecret == null ? "unset" : "***") + ", jwkSetUri=" + jwkSetUri
                + ", corsAllowedOrigins=" + corsAllowedOrigins + ", tenantRole=" + tenantRole + "]";
    }
}
