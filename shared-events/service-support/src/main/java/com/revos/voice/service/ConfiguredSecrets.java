package com.revos.voice.service;

import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The secret values a service is configured with, read through the same list of properties its start is checked
 * against ({@link LocalDefaultSecrets}): so a scan of logs or events for them covers a secret the day it is added to
 * that list, without a second list to keep up to date.
 */
public final class ConfiguredSecrets {

    private ConfiguredSecrets() {
    }

    /** Every non-blank secret value the environment configures, each once. */
    public static List<String> of(Environment environment) {
        return LocalDefaultSecrets.properties(environment).stream()
                .filter(environment::containsProperty)
                .flatMap(property -> LocalDefaultSecrets.values(environment, property).stream())
                .filter(value -> !value.isEmpty())
                .distinct().toList();
    }
}
