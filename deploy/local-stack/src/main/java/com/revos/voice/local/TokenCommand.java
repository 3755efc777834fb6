package com.revos.voice.local;

import java.util.ArrayList;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./revos token [--tenant <uuid>]... [--operator] [--sub <name>]}: prints a bearer token signed with the
 * local secret. Without arguments: a token for the demo tenant.
 */
final class TokenCommand {

    private static final Logger out = LoggerFactory.getLogger("revos");

    private TokenCommand() {
    }

    static void run(String[] args) {
        var tenants = new ArrayList<UUID>();
        var roles = new ArrayList<String>();
        var subject = "local-user";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tenant" -> tenants.add(UUID.fromString(args[++i]));
                case "--operator" -> roles.add("operator");
                case "--sub" -> subject = args[++i];
                default -> {
                    out.error("Unknown argument {}. Usage: ./revos token [--tenant <uuid>]... [--operator] [--sub <name>]",
                            args[i]);
                    return;
                }
            }
        }
        if (tenants.isEmpty() && roles.isEmpty()) {
            tenants.add(LocalTokenIssuer.DEMO_TENANT);
        }
        out.info(LocalTokenIssuer.fromEnvironment().issue(subject, tenants, roles));
    }
}
