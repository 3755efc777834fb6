package com.revos.voice.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * What every service's published API document shares: models in the snake_case the API speaks, and, for the JWT
 * APIs, the bearer scheme. Each service names itself and its documented server in its yml
 * ({@code springdoc.open-api.info.*}, {@code springdoc.open-api.servers}), so the document checked in under
 * docs/openapi only changes when the API does, not with the port a request came in on.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocumentAutoConfiguration {

    static final String BEARER = "bearer";

    /** springdoc reads models with its own Jackson 2 mapper: give it the snake_case of the wire. */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /** Off for APIs that take no JWT (the webhook intake): {@code revos.api-docs.bearer-auth=false}. */
    @Bean
    @ConditionalOnProperty(name = "revos.api-docs.bearer-auth", havingValue = "true", matchIfMissing = true)
    OpenApiCustomizer bearerAuthentication() {
        return api -> {
            if (api.getComponents() == null) {
                api.components(new Components());
            }
            api.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme(BEARER).bearerFormat("JWT"));
            api.addSecurityItem(new SecurityRequirement().addList(BEARER));
        };
    }

    /** The document states the bound {@link IdempotentRequests} enforces on the key (longer: 400). */
    @Bean
    OpenApiCustomizer idempotencyKeyLength() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().stream()
                            .filter(parameter -> "Idempotency-Key".equalsIgnoreCase(parameter.getName())
                                    && parameter.getSchema() != null)
                            .forEach(parameter -> parameter.getSchema().maxLength(IdempotentRequests.MAX_KEY_LENGTH));
                }
            }));
        };
    }
}
