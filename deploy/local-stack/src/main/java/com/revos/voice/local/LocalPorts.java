package com.revos.voice.local;

/** The local stack's ports (design.md §8), each overridable by environment; 0 for a part that is not started. */
record LocalPorts(int provisioning, int dialer, int webhookIngest, int optimizer, int simulator, int kafka,
                  int postgres, int console) {

    static LocalPorts fromEnvironment() {
        return new LocalPorts(port("PROVISIONING_PORT", 8081), port("DIALER_PORT", 8082),
                port("WEBHOOK_INGEST_PORT", 8083), port("OPTIMIZER_PORT", 8084), port("SIMULATOR_PORT", 8090),
                port("KAFKA_PORT", 9092), port("POSTGRES_PORT", 5433), port("CONSOLE_PORT", 8080));
    }

    private static int port(String variable, int fallback) {
        var value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
