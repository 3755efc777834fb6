package com.revos.voice.webhook.intake.infrastructure;

import com.revos.voice.service.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads request bodies as raw bytes, bounded: signatures are computed over the bytes exactly as sent, and a body
 * over the limit is refused as soon as it is known to be one (by its Content-Length, else while reading).
 */
final class RawBodies {

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
