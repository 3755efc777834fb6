package com.revos.voice.console.web;

import com.revos.voice.console.session.Authentications;
import com.revos.voice.console.session.SignedInUser;
import java.util.UUID;

/** The tenant whose pages are shown; a user without one (an operator) is told so instead of seeing an empty page. */
final class Tenant {

    private Tenant() {
    }

    static UUID current() {
        return Authentications.current().filter(SignedInUser::hasTenant).map(SignedInUser::tenant)
                .orElseThrow(NoTenant::new);
    }

    static final class NoTenant extends RuntimeException {
        NoTenant() {
            super("This sign-in belongs to no tenant");
        }
    }
}
