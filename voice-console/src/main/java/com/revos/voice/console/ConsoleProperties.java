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

    public record LocalSignIn(@DefaultValue("false") boolean enabled,
                              @DefaultValue("7e0d0000-0000-4000-8000-000000000001") UUID demoTenant) {
    }

    @Override
    public String toString() {
        return "ConsoleProperties[provisioningUrl=" + provisioningUrl + ", dialerUrl=" + dialerUrl + ", optimizerUrl="
                + optimizerUrl + ", jwtSecret=" + (jwtSecret == null ? "unset" : "***") + ", jwkSetUri=" + jwkSetUri
                + ", localSignIn=" + localSignIn + "]";
    }
}
