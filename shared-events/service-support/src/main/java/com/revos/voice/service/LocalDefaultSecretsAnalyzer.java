package com.revos.voice.service;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refusal as one line and what to do, instead of a stack trace. */
class LocalDefaultSecretsAnalyzer extends AbstractFailureAnalyzer<LocalDefaultSecrets.MissingSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LocalDefaultSecrets.MissingSecretException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + cause.variable() + " in the environment (or "
                + "SPRING_PROFILES_ACTIVE=local for a local run).", cause);
    }
}
