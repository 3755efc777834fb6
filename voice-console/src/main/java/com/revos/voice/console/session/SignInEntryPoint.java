package com.revos.voice.console.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Not signed in: pages go to the sign-in page; an htmx poll is told to send the whole window there. */
final class SignInEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        var signIn = request.getContextPath() + "/sign-in";
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", signIn);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(signIn);
    }
}
