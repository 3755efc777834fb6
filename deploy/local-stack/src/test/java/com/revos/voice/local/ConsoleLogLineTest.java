package com.revos.voice.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** What an error looks like on the console of {@code ./revos up}: one line, however the message was written. */
class ConsoleLogLineTest {

    @Test
    @SuppressWarnings("unchecked")
    void an_error_whose_text_carries_a_stack_trace_reaches_the_console_as_one_line() throws Exception {
        var context = new LoggerContext();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Objects.requireNonNull(getClass().getResource("/local-stack-logback.xml")));
        var console = (OutputStreamAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("CONSOLE");
        // as Kafka's controller logged it once during a restart: the trace inside the message, not as a throwable
        var event = new LoggingEvent("kafka", context.getLogger("kafka.server.ControllerApis"), Level.ERROR,
                "[ControllerApis nodeId=1] Unexpected error handling request\n\tat java.base/java.lang.Thread.run"
                        + "(Thread.java:1474)\nCaused by: NotControllerException: The active controller appears to be "
                        + "node 1.", new IllegalStateException("and a throwable"), null);

        var printed = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);

        assertThat(printed.lines()).hasSize(1);
        assertThat(printed).startsWith("! ").contains("[ControllerApis nodeId=1] Unexpected error handling request")
                .contains("(details: ./revos logs ").doesNotContain("Thread.run", "throwable");
        context.stop();
    }
}
