-- Row-level security, the second line behind the tenant filter in every query (ADR 0007): every table holding a
-- tenant's rows, the read model, the shared idempotency keys and the outbox included. FORCE: the service connects
-- as the table owner, whom plain ENABLE would exempt. NULLIF: after a transaction-local set_config the setting
-- reads as '' (not NULL) for the rest of the session, and ''::uuid would fail the query instead of matching nothing.
--
-- Unlike voice-provisioning, most of the dialer's work is cross-tenant (dispatcher, consumers, reconciler, outbox
-- relay) and runs as the service's own user. Superusers bypass RLS, but a deployment that connects as a
-- non-superuser owner would be held to the tenant policy by FORCE and see nothing, so that user has every row
-- through a policy of its own. Only the tenant role below is restricted, and that role is what tenant requests use.
DO $$
DECLARE
    tenant_table text;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['agents', 'numbers', 'suppressions', 'campaigns', 'contacts', 'calls',
                                        'usage_ledger', 'idempotency_keys', 'outbox'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table);
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

-- Superusers bypass row-level security even when it is forced, and local stacks and tests connect as one. Tenant
-- transactions therefore also switch to this role (SET LOCAL ROLE), which holds only what tenant requests need:
-- reading the read model and the usage, the tenant's suppressions, campaigns, contacts and single calls, its
-- Idempotency-Key replays, and appending the events of those changes to the outbox.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dialer_tenant') THEN
        CREATE ROLE dialer_tenant NOLOGIN;
    END IF;
END
$$;
GRANT dialer_tenant TO CURRENT_USER;
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO dialer_tenant;
GRANT SELECT ON agents, numbers, usage_ledger TO dialer_tenant;
GRANT SELECT, INSERT, DELETE ON suppressions TO dialer_tenant;
GRANT SELECT, INSERT, UPDATE ON campaigns, contacts, calls TO dialer_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO dialer_tenant;
GRANT INSERT ON outbox TO dialer_tenant;
