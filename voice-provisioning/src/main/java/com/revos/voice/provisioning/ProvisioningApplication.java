package com.revos.voice.provisioning;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** voice-provisioning: templates, tenant agents, the master phone pool, number assignment, import and attach. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProvisioningApplication {

    public static final String CONFIG_NAME = "voice-provisioning";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ProvisioningApplication.class).properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
