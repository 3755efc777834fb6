package com.revos.voice.service;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Stateless JWT resource server: HS256 with {@code revos.security.jwt-secret} by default, or a JWKS URI. Tenant paths
 * need membership, {@code /v1/admin/**} the operator role; health, metrics, API docs and webhooks are open
 * (webhooks carry their own signatures).
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain revosSecurityFilterChain(HttpSecurity http, ProblemAuthenticationEntryPoint problems)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/actuator/info", "/v3/api-docs/**", "/v3/api-docs*", "/swagger-ui/**",
                                "/swagger-ui.html", "/webhooks/**", "/error").permitAll()
                        .requestMatchers("/v1/admin/**").hasRole(Caller.OPERATOR)
                        .requestMatchers("/v1/**").authenticated()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint() {
        return new ProblemAuthenticationEntryPoint();
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            return NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        }
        return NimbusJwtDecoder.withSecretKey(secretKey(properties)).macAlgorithm(MacAlgorithm.HS256).build();
    }

    /** Signs tokens with the shared secret: for local runs and tests (the gateway issues them in production). */
    @Bean
    JwtEncoder jwtEncoder(SecurityProperties properties) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(secretKey(properties)));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
        cors.setExposedHeaders(List.of("Location", "Retry-After"));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/v1/**", cors);
        return source;
    }

    @Bean
    WebMvcConfigurer tenantMembership() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new TenantMembershipInterceptor()).addPathPatterns("/v1/tenants/**");
            }
        };
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(JdbcTemplate.class)
    IdempotentRequests idempotentRequests(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new IdempotentRequests(jdbc, transactions);
    }

    @Bean
    ApiErrors apiErrors() {
        return new ApiErrors();
    }

    private static SecretKeySpec secretKey(SecurityProperties properties) {
        var secret = properties.jwtSecret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("revos.security.jwt-secret (REVOS_JWT_SECRET) must be set to at least "
                    + "32 bytes for HS256, or revos.security.jwk-set-uri configured");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static Converter<Jwt, AbstractAuthenticationToken> rolesAsAuthorities() {
        return jwt -> {
            var roles = jwt.getClaimAsStringList("roles");
            var authorities = (roles == null ? List.<String>of() : roles).stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

}
