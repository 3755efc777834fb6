package com.revos.voice.optimizer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** kernel-optimizer: per-campaign streaming metrics, the four rules, commands and recommendations via the outbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OptimizerApplication {

    public static final String CONFIG_NAME = "kernel-optimizer";

    public static void main(String[] args) {
        new SpringApplicationBuilder(OptimizerApplication.class).properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
