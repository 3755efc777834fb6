package com.revos.voice.simulator;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A body that is not JSON gets ElevenLabs' 422 validation shape rather than Spring's default error page. */
@RestControllerAdvice
class MalformedRequestAdvice {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.unprocessableContent().body(Map.of("detail", List.of(Map.of(
                "loc", List.of("body"), "msg", "JSON decode error", "type", "json_invalid"))));
    }
}
