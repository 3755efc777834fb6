package com.revos.voice.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the JVM's shared real broker and database ({@link RealInfrastructure}), under the
 * {@code local} profile: tests run with the documented local secrets, which a service refuses outside it.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String LOCAL_PROFILE = "local";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().addActiveProfile(LOCAL_PROFILE);
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("revos-real-infrastructure", RealInfrastructure.springProperties()));
    }
}
