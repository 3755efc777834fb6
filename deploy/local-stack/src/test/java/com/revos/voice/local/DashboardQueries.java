package com.revos.voice.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every PromQL query of the provisioned Grafana dashboards, with the panel it belongs to. */
record DashboardQueries(List<Query> queries) {

    static final Path DASHBOARDS = Path.of("../grafana/dashboards");

    record Query(String dashboard, String panel, String expr) {
    }

    static DashboardQueries load() throws IOException {
        var mapper = new ObjectMapper();
        var queries = new ArrayList<Query>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (var file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                var dashboard = mapper.readTree(file.toFile());
                collect(file.getFileName().toString(), dashboard.path("panels"), queries);
            }
        }
        return new DashboardQueries(List.copyOf(queries));
    }

    private static void collect(String dashboard, JsonNode panels, List<Query> into) {
        for (var panel : panels) {
            for (var target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    into.add(new Query(dashboard, panel.path("title").asText(), target.get("expr").asText()));
                }
            }
            collect(dashboard, panel.path("panels"), into);
        }
    }
}
