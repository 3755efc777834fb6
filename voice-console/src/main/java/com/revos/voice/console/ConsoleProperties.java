package com.revos.voice.console;

import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code revos.console.*}: where the services are, how a signed-in token is verified (the services' HS256 secret or
 * a JWKS URI, as in {@code revos.security.*}), and the local profile's one-click sign-in. The secret is never logged.
 *
 * @param localSignIn one-click demo-tenant / operator sign-in; on only in the local profile, where the console signs
 *                    those tokens itself with the local secret
 */
@ConfigurationProperties("revos.console")
public record ConsoleProperties(
        String provisioningUrl,
        String dialerUrl,
        String optimizerUrl,
        String jwtSecret,
        String jwkSetUri,
        @DefaultValue LocalSignIn localSignIn) {

    /**
     * @param keyId    the {@code kid} the services verify the local secret under ({@code REVOS_JWT_KEY_ID})
     * @param issuer   the only {@code iss} the services accept ({@code REVOS_JWT_ISSUER}, ADR 0015)
     * @param audience the {@code aud} the services require ({@code REVOS_JWT_AUDIENCE})
     */
    public record LocalSignIn(@DefaultValue("false") boolean enabled,
                              @DefaultValue("7e0d0000-0000-4000-8000-000000000001") UUID demoTenant,
                              @DefaultValue("local") String keyId,
                              @DefaultValue("revos-local") String issuer,
                              @DefaultValue("revos-voice") String audience) {
    }

    @Override
    public String toString() {
        return "ConsoleProperties[provisioningUrl=" + provisioningUrl + ", dialerUrl=" + dialerUrl + ", optimizerUrl="
                + optimizerUrl + ", jwtSecret=" + (jwtSecret == null ? "unset" : "***") + ", jwkSetUri=" + jwkSetUri
                + ", localSignIn=" + localSignIn + "]";
    }
}
