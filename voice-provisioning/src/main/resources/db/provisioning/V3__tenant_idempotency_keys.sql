-- Tenant requests now run every transaction as provisioning_tenant (service-support's transaction manager, ADR 0007),
-- their Idempotency-Key claims and replays included: the role needs the shared idempotency keys, which get the tenant
-- policy like every tenant table. The operator's pool requests keep their keys (under the nil tenant) as the
-- service's user; FORCE would hold a non-superuser owner to the tenant policy and hide them, so that user has every
-- row through a policy of its own.
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_keys
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY service_user ON idempotency_keys TO CURRENT_USER USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO provisioning_tenant;
