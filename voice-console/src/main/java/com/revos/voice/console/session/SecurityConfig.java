package com.revos.voice.console.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Sessions for people: a signed-in token lives in the server-side session (cookie HttpOnly, SameSite=Strict, see
 * voice-console.yml), every form carries a CSRF token, htmx requests send it as a header. Behind the gateway the JWT
 * comes in the Authorization header instead ({@link GatewayTokenFilter}). Operator pages need the operator role.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, TokenVerifier verifier,
                                        SecurityContextRepository contexts, CsrfTokenRepository csrfTokens)
            throws Exception {
        return http
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .addFilterBefore(new GatewayTokenFilter(verifier), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/sign-in", "/sign-in/**", "/webjars/**", "/console.css", "/console.js",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/error").permitAll()
                        .requestMatchers("/operator/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new SignInEntryPoint()))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
