package com.revos.voice.console.session;

import org.jspecify.annotations.Nullable;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * Who is signed in: the JWT's subject, tenants and roles, the tenant whose pages are shown, and the token itself,
 * which every API call carries. The token stays on the server (in the session); it is never rendered into a page.
 */
public record SignedInUser(String subject, List<UUID> tenants, List<String> roles, @Nullable UUID tenant, String token)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String OPERATOR = "operator";

    public SignedInUser {
        tenants = List.copyOf(tenants);
        roles = List.copyOf(roles);
    }

    public boolean operator() {
        return roles.contains(OPERATOR);
    }

    public boolean hasTenant() {
        return tenant != null;
    }

    /** The same user looking at another of their tenants; a tenant not in the token is refused. */
    SignedInUser viewing(UUID other) {
        if (!tenants.contains(other)) {
            throw new IllegalArgumentException("not a tenant of this user");
        }
        return new SignedInUser(subject, tenants, roles, other, token);
    }

    /** The token is a credential: keep it out of logs and error pages. */
    @Override
    public String toString() {
        return "SignedInUser[subject=" + subject + ", tenants=" + tenants + ", roles=" + roles + ", tenant=" + tenant
                + "]";
    }
}
