/**
 * What every RevOS Voice REST service shares: JWT bearer auth with tenant membership on every
 * {@code /v1/tenants/{tenantId}/**} path (non-members get 404), the operator role on {@code /v1/admin/**},
 * RFC 9457 problem+json errors naming the field and the reason, Idempotency-Key replay, and row-level security
 * for the current tenant ({@code revos.security.tenant-role}).
 */
@NullMarked
package com.revos.voice.service;

import org.jspecify.annotations.NullMarked;
