package com.revos.voice.console;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The web console: server-rendered pages over the four services' public REST APIs, called with the signed-in user's
 * JWT. It owns no data (no database, no Kafka): everything it shows, the services answered for that user.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    /** Its configuration file, {@code voice-console.yml}: distinct from the services' in the local stack's one JVM. */
    public static final String CONFIG_NAME = "voice-console";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(ConsoleApplication.class).properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
