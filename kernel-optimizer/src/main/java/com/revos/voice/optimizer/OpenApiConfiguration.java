package com.revos.voice.optimizer;

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
 * The server is the documented local port, not the one a request came in on, so docs/openapi/kernel-optimizer.json
 * only changes when the API does.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI optimizerApi() {
        return new OpenAPI()
                .info(new Info().title("RevOS Voice: kernel-optimizer").version("v1").description(
                        "Each tenant's optimizer policy (the four rules' thresholds, minimum samples, cooldowns and "
                                + "whether each acts automatically or only recommends) and each campaign's audit "
                                + "trail of decisions, newest first, with the observation that triggered them and "
                                + "the command or recommendation sent. Members of the tenant only. Errors are "
                                + "application/problem+json (RFC 9457) with an errors list naming each field; the "
                                + "trail takes ?limit=&offset= (default 50, at most 500) and answers "
                                + "{items, limit, offset, total}."))
                .servers(List.of(new Server().url("http://localhost:8084").description("local stack")))
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
