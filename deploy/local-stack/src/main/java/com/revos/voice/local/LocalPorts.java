package com.revos.voice.local;

/**
 * The local stack's ports (design.md §8), each overridable by environment; or the ports services reported; 0 for a
 * part that is not started.
 */
record LocalPorts(int provisioning, int dialer, int webhookIngest, int optimizer, int simulator, int kafka,
                  int postgres, int console) {

    static LocalPorts fromEnvironment() {
        return new LocalPorts(configured(LocalService.PROVISIONING), configured(LocalService.DIALER),
                configured(LocalService.WEBHOOK_INGEST), configured(LocalService.OPTIMIZER),
                configured(LocalService.SIMULATOR), port("KAFKA_PORT", 9092), port("POSTGRES_PORT", 5433),
                configured(LocalService.CONSOLE));
    }

    int of(LocalService service) {
        return switch (service) {
            case PROVISIONING -> provisioning;
            case DIALER -> dialer;
            case WEBHOOK_INGEST -> webhookIngest;
            case OPTIMIZER -> optimizer;
            case SIMULATOR -> simulator;
            case CONSOLE -> console;
        };
    }

    /** The broker's controller listens next to it (KRaft, combined mode). */
    int kafkaController() {
        return kafka + 1;
    }

    private static int configured(LocalService service) {
        return port(service.portVariable(), service.defaultPort());
    }

    private static int port(String variable, int fallback) {
        var value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
