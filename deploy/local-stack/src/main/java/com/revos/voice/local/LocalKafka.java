package com.revos.voice.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.revos.voice.events.Topic;
import com.revos.voice.events.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/** A real single-node Kafka broker (KRaft, combined broker and controller) on a fixed port, data kept on disk. */
final class LocalKafka implements AutoCloseable {

    private static final String CLUSTER_ID = "revos-voice-local-01";
    private static final int PARTITIONS = 6;

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private LocalKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    static LocalKafka start(Path dataDir, int port) throws Exception {
        var logDir = dataDir.toAbsolutePath();
        Files.createDirectories(logDir);
        var controllerPort = port + 1;
        var props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", String.valueOf(PARTITIONS));
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // a laptop's few cores: the defaults (3 network, 8 I/O threads) only add context switches to the stack's JVM
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir, props);
        }
        var server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        var bootstrap = "localhost:" + port;
        createTopics(bootstrap);
        return new LocalKafka(server, bootstrap);
    }

    /** Every topic of the contracts exists before the services start: stream subscriptions do not create topics. */
    private static void createTopics(String bootstrap) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var existing = admin.listTopics().names().get();
            var missing = Topics.ALL.stream().map(Topic::name).filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    private static void format(Path logDir, Properties props) throws Exception {
        var config = logDir.resolve("server.properties");
        try (var out = Files.newOutputStream(config)) {
            props.store(out, "RevOS Voice local broker");
        }
        var output = new ByteArrayOutputStream();
        var exit = StorageTool.execute(new String[] {"format", "-t", CLUSTER_ID, "-c", config.toString(),
            "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Formatting the Kafka log directory failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
