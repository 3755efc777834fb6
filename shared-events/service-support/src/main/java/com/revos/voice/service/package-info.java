/**
 * What every RevOS Voice REST service shares: JWT bearer auth with tenant membership on every
 * {@code /v1/tenants/{tenantId}/**} path (non-members get 404), the operator role on {@code /v1/admin/**},
 * RFC 9457 problem+json errors naming the field and the reason, and Idempotency-Key replay.
 */
package com.revos.voice.service;
