-- Row-level security that holds (ADR 0007). V1 only ENABLEd it, which exempts the table owner and superusers, so
-- it restricted nothing. Now every table with a tenant's rows is FORCEd under the NULLIF policy, and tenant requests
-- (policy API, decision trail) run as optimizer_tenant through service-support's transaction manager
-- (revos.security.tenant-role). The rules run in Kafka Streams threads across all tenants, as the service's own
-- user, which FORCE would hold to the tenant policy: that user has every row through a policy of its own.
DO $$
DECLARE
    tenant_table text;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['optimizer_policies', 'kernel_events', 'kernel_decisions', 'kernel_actions',
                                        'idempotency_keys', 'outbox'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', tenant_table);
        EXECUTE format($policy$
            CREATE POLICY tenant_isolation ON %I
                USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
                WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$policy$,
            tenant_table);
        EXECUTE format('CREATE POLICY service_user ON %I TO CURRENT_USER USING (true) WITH CHECK (true)',
            tenant_table);
    END LOOP;
END
$$;

-- What tenant requests need: their policy (read, create, replace), their campaigns' trail (read), and their
-- Idempotency-Key replays. The outbox is not granted: tenant requests publish nothing here.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'optimizer_tenant') THEN
        CREATE ROLE optimizer_tenant NOLOGIN;
    END IF;
END
$$;
GRANT optimizer_tenant TO CURRENT_USER;
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO optimizer_tenant;
GRANT SELECT, INSERT, UPDATE ON optimizer_policies TO optimizer_tenant;
GRANT SELECT ON kernel_events, kernel_decisions, kernel_actions TO optimizer_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO optimizer_tenant;
