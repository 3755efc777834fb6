package com.revos.voice.console.session;

import java.util.ArrayList;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A {@link SignedInUser} as Spring Security's authentication: ROLE_TENANT when it has tenants, ROLE_OPERATOR. */
public final class Authentications {

    private Authentications() {
    }

    static Authentication of(SignedInUser user) {
        var authorities = new ArrayList<GrantedAuthority>();
        if (!user.tenants().isEmpty()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_TENANT"));
        }
        if (user.operator()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    /** The user of the current request, if signed in. */
    public static Optional<SignedInUser> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? Optional.of(user) : Optional.empty();
    }
}
