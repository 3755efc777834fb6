package com.revos.voice.simulator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Stands in for ElevenLabs and Twilio: speaks the subset of their HTTP APIs the product uses, places simulated
 * calls and posts signed post-call webhooks back, so the whole product runs without accounts or secrets.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TelephonySimulatorApplication {

    public static final String CONFIG_NAME = "telephony-simulator";

    public static void main(String[] args) {
        new SpringApplicationBuilder(TelephonySimulatorApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
