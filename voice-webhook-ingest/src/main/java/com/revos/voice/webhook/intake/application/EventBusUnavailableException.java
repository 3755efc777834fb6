package com.revos.voice.webhook.intake.application;

/** The bus did not take the event in time: the sender must retry later, nothing was acknowledged. */
public final class EventBusUnavailableException extends RuntimeException {

    public EventBusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
