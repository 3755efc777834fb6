package com.revos.voice.service;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
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
 * Stateless JWT resource server: HS256 keys chosen by {@code kid} ({@code revos.security.jwt-secret} and the previous
 * keys of a rotation), or a JWKS URI, and the token rules of {@link TokenRules} (ADR 0015). Tenant paths need
 * membership, {@code /v1/admin/**} the operator role; health (status only, details for the operator), metrics and API
 * docs are open: outside a local run health and metrics are served only on the management port, which the gateway
 * does not route (ADR 0016). Webhooks carry their own signatures and pass through a chain of their own.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@EnableConfigurationProperties({SecurityProperties.class, IdempotencyProperties.class})
public class ServiceSecurityAutoConfiguration {

    /**
     * Webhooks carry their providers' signatures, which the endpoints check themselves: their chain has no token,
     * session, request-cache, anonymous or logout filters to run, which every webhook paid for before (the profile
     * in docs/benchmarks.md, issue 14), only the security headers.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain revosWebhookFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/webhooks/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    /**
     * No observation around each security filter: they only produce spans and timers no dashboard reads, and wrap
     * every filter of every request (the HTTP server's own request timer stays).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

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
                                "/swagger-ui.html", "/error").permitAll()
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
        return ServiceTokens.decoder(properties, Clock.systemUTC());
    }

    /**
     * Signs tokens with the current key, its {@code kid}, the configured issuer and audience: for local runs and
     * tests (the gateway issues them in production).
     */
    @Bean
    @ConditionalOnProperty("revos.security.jwt-secret")
    JwtEncoder jwtEncoder(SecurityProperties properties) {
        // the same start-up refusal of short keys as the decoder's
        ServiceTokens.keySet(properties);
        return LocalTokens.encoder(properties.jwtSecret(), properties.jwtKeyId(), properties.tokens().issuer(),
                properties.tokens().audience());
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
    IdempotentRequests idempotentRequests(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                          IdempotencyProperties settings) {
        return new IdempotentRequests(jdbc, transactions, settings);
    }

    /** Expired keys are deleted on a timer of its own, not by the requests that would have to wait for it. */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(JdbcTemplate.class)
    IdempotencyKeyPurge idempotencyKeyPurge(IdempotentRequests requests, IdempotencyProperties settings) {
        return new IdempotencyKeyPurge(requests, settings.purgeEvery());
    }

    @Bean
    ApiErrors apiErrors() {
        return new ApiErrors();
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
