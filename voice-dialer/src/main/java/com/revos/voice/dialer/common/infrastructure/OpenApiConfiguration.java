package com.revos.voice.dialer.common.infrastructure;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published API document: what the service is, how callers authenticate, and the JSON as it is on the wire.
 * The server is the documented local port, not the one a request came in on, so docs/openapi/voice-dialer.json
 * only changes when the API does.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI dialerApi() {
        return new OpenAPI()
                .info(new Info().title("RevOS Voice: voice-dialer").version("v1").description(
                        "A tenant's campaigns (create, upload contacts as a JSON array or CSV, start, pause, resume, "
                                + "cancel, progress) and their calls, single calls, the do-not-call list checked at "
                                + "upload and at dial time, and billable usage. Members of the tenant only. Errors "
                                + "are application/problem+json (RFC 9457) with an errors list naming each field; "
                                + "POSTs that create take an Idempotency-Key; lists take ?limit=&offset= (default 50, "
                                + "at most 500) and answer {items, limit, offset, total}."))
                .servers(List.of(new Server().url("http://localhost:8082").description("local stack")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** springdoc reads models with its own Jackson 2 mapper: give it the snake_case the API really speaks. */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
