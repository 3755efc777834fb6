package com.revos.voice.webhook.intake.infrastructure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.revos.voice.service.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads request bodies as raw bytes, bounded: signatures are computed over the bytes exactly as sent, and a body
 * over the limit is refused as soon as it is known to be one (by its Content-Length, else while reading).
 */
final class RawBodies {

    static final int HEAD_BYTES = 8 * 1024;
    private static final String RECORDING_TYPE = "post_call_audio";
    private static final JsonFactory HEAD_JSON = new JsonFactory();

    private RawBodies() {
    }

    static void requireContentType(HttpServletRequest request, MediaType expected) {
        var header = request.getContentType();
        try {
            if (header != null && expected.isCompatibleWith(MediaType.parseMediaType(header))) {
                return;
            }
        } catch (InvalidMediaTypeException e) {
            // falls through to the 415 below: a malformed type is not the expected one
        }
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "This endpoint takes " + expected, List.of(), null);
    }

    static byte[] read(HttpServletRequest request, long limit) throws IOException {
        var declared = request.getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        var body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    /** A post-call body, and the recording permit it holds while it is in memory (released on close). */
    /** {@code permit} is absent for a body small enough to be no recording. */
    record PostCallBody(byte[] bytes, @Nullable Semaphore permit) implements AutoCloseable {
        @Override
        public void close() {
            if (permit != null) {
                permit.release();
            }
        }
    }

    /**
     * The one ElevenLabs URL gets every event type, and only recordings may be large. The first {@link #HEAD_BYTES}
     * are read; when the body goes on and its top-level {@code type} (ElevenLabs sends it first) is known not to be
     * {@code post_call_audio}, the JSON limit applies: 413 after at most that many bytes, and at once when the
     * Content-Length already says so. Otherwise (a recording, or a type not in the head) the recording limit applies,
     * and only {@code recordingReads} such bodies are read at a time: beyond them, 503 with Retry-After.
     */
    static PostCallBody readPostCall(HttpServletRequest request, long jsonLimit, long audioLimit,
                                     Semaphore recordingReads, long retryAfterSeconds) throws IOException {
        var declared = request.getContentLengthLong();
        if (declared > Math.max(jsonLimit, audioLimit)) {
            throw tooLarge(Math.max(jsonLimit, audioLimit));
        }
        var in = request.getInputStream();
        var head = in.readNBytes((int) Math.min(HEAD_BYTES, jsonLimit + 1));
        var ended = head.length < HEAD_BYTES && (declared < 0 || head.length >= declared);
        if (ended || (declared >= 0 && declared <= jsonLimit)) {
            return new PostCallBody(rest(in, head, jsonLimit), null);
        }
        if (!mayBeRecording(head)) {
            if (declared > jsonLimit) {
                throw tooLarge(jsonLimit);
            }
            return new PostCallBody(rest(in, head, jsonLimit), null);
        }
        if (!recordingReads.tryAcquire()) {
            throw ApiException.unavailable("Too many recordings are being received; retry later", retryAfterSeconds);
        }
        try {
            return new PostCallBody(rest(in, head, audioLimit), recordingReads);
        } catch (IOException | RuntimeException e) {
            recordingReads.release();
            throw e;
        }
    }

    /** The head, then the rest of the stream, refused as soon as it passes the limit. */
    private static byte[] rest(java.io.InputStream in, byte[] head, long limit) throws IOException {
        if (head.length > limit) {
            throw tooLarge(limit);
        }
        var tail = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit - head.length + 1));
        if (head.length + tail.length > limit) {
            throw tooLarge(limit);
        }
        if (tail.length == 0) {
            return head;
        }
        var body = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, body, head.length, tail.length);
        return body;
    }

    /** False only when the head names a top-level type other than {@code post_call_audio}. */
    static boolean mayBeRecording(byte[] head) {
        try (var parser = HEAD_JSON.createParser(head)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var field = parser.currentName();
                var value = parser.nextToken();
                if (field.equals("type")) {
                    return value == JsonToken.VALUE_STRING && parser.getText().equals(RECORDING_TYPE);
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            // the head ended inside a value before any type: the type is not known yet
            return true;
        }
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Payload too large",
                "The body exceeds the limit of " + limit + " bytes for this endpoint", List.of(), null);
    }

    static ApiException unauthorized() {
        // one answer for every signature failure: the sender learns nothing about which part was wrong
        return new ApiException(HttpStatus.UNAUTHORIZED, "Invalid signature",
                "The webhook signature is missing, malformed, outside the accepted time window, or does not match",
                List.of(), null);
    }
}
