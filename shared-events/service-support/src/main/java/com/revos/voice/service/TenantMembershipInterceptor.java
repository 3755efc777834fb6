package com.revos.voice.service;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every handler mapped under {@code /v1/tenants/{tenantId}} runs only for members of that tenant. Anyone else gets
 * the same 404 as for a tenant that does not exist, so the answer never hints that a tenant exists.
 */
class TenantMembershipInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || !variables.containsKey("tenantId")) {
            return true;
        }
        var tenantId = parse(variables.get("tenantId"));
        if (tenantId == null || !Caller.current().isMemberOf(tenantId)) {
            throw ApiException.notFound("tenant", "No tenant " + variables.get("tenantId") + " for this caller");
        }
        TenantContext.set(tenantId);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                @Nullable Exception ex) {
        TenantContext.clear();
    }

    private static @Nullable UUID parse(@Nullable String value) {

        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
