package com.revos.voice.local;

import java.util.ArrayList;
import java.util.UUID;

/**
 * {@code ./revos token [--tenant <uuid>]... [--operator] [--sub <name>]}: prints a bearer token signed with the
 * local secret. Without arguments: a token for the demo tenant.
 */
final class TokenCommand {

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
                    System.err.println("Unknown argument " + args[i]
                            + ". Usage: ./revos token [--tenant <uuid>]... [--operator] [--sub <name>]");
                    return;
                }
            }
        }
        if (tenants.isEmpty() && roles.isEmpty()) {
            tenants.add(LocalTokenIssuer.DEMO_TENANT);
        }
        System.out.println(LocalTokenIssuer.fromEnvironment().issue(subject, tenants, roles));
    }
}
