package com.revos.voice.webhook.intake.application;

/** The recording could not be kept: the sender must retry later, nothing was acknowledged or published. */
public final class AudioStoreUnavailableException extends RuntimeException {

    public AudioStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
