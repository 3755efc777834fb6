package com.revos.voice.dialer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** voice-dialer: campaigns and single calls, paced dispatch, calling windows, retries, kernel commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DialerApplication {

    public static final String CONFIG_NAME = "voice-dialer";

    public static void main(String[] args) {
        new SpringApplicationBuilder(DialerApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
