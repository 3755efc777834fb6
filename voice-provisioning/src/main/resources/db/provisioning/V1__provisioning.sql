-- voice-provisioning: the template catalog, tenant agents, the operator's master phone pool and tenant numbers.

CREATE TABLE templates (
    id                  text  PRIMARY KEY,
    name                text  NOT NULL,
    description         text  NOT NULL,
    prompt              text  NOT NULL,
    first_message       text  NOT NULL,
    language            text  NOT NULL,
    voice_id            text  NOT NULL,
    llm                 text  NOT NULL,
    data_collection     jsonb NOT NULL,
    evaluation_criteria jsonb NOT NULL
);

CREATE TABLE agents (
    id                uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL,
    template_id       text        NOT NULL REFERENCES templates (id),
    name              text        NOT NULL,
    provider_agent_id text        NOT NULL UNIQUE,
    language          text        NOT NULL,
    voice_id          text        NOT NULL,
    prompt            text        NOT NULL,
    first_message     text        NOT NULL,
    created_at        timestamptz NOT NULL
);
CREATE INDEX agents_by_tenant ON agents (tenant_id, created_at, id);

-- The operator's pool. No row-level security: it is not a tenant table. Tenant endpoints never read it; the
-- assignment use case claims from it inside the tenant transaction (the tenant role may update it for that).
CREATE TABLE phone_pool (
    id          uuid        PRIMARY KEY,
    e164        text        NOT NULL UNIQUE,
    twilio_sid  text        NOT NULL UNIQUE,
    country     text,
    area_code   text,
    status      text        NOT NULL CHECK (status IN ('free', 'assigned')),
    tenant_id   uuid,
    purchased   boolean     NOT NULL,
    added_at    timestamptz NOT NULL,
    assigned_at timestamptz,
    CHECK ((status = 'free') = (tenant_id IS NULL))
);
CREATE INDEX phone_pool_free ON phone_pool (country, area_code, added_at) WHERE status = 'free';
CREATE INDEX phone_pool_listing ON phone_pool (added_at, id);

CREATE TABLE phone_numbers (
    id                       uuid        PRIMARY KEY,
    tenant_id                uuid        NOT NULL,
    pool_id                  uuid        NOT NULL UNIQUE REFERENCES phone_pool (id),
    e164                     text        NOT NULL,
    twilio_sid               text        NOT NULL,
    country                  text,
    area_code                text,
    purchased                boolean     NOT NULL,
    provider_phone_number_id text,
    agent_id                 uuid        REFERENCES agents (id) ON DELETE SET NULL,
    assigned_at              timestamptz NOT NULL,
    imported_at              timestamptz,
    attached_at              timestamptz
);
CREATE INDEX phone_numbers_by_tenant ON phone_numbers (tenant_id, assigned_at, id);

-- Row-level security, the second line behind the tenant filter in every query. FORCE: the service connects as the
-- table owner, whom plain ENABLE would exempt. NULLIF: after a transaction-local set_config the setting reads as
-- '' (not NULL) for the rest of the session, and ''::uuid would fail the query instead of matching nothing.
ALTER TABLE agents ENABLE ROW LEVEL SECURITY;
ALTER TABLE agents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON agents
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE phone_numbers ENABLE ROW LEVEL SECURITY;
ALTER TABLE phone_numbers FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON phone_numbers
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- Superusers bypass row-level security even when it is forced, and local stacks and tests connect as one. Tenant
-- transactions therefore also switch to this role (SET LOCAL ROLE), which holds only what tenant work needs.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'provisioning_tenant') THEN
        CREATE ROLE provisioning_tenant NOLOGIN;
    END IF;
END
$$;
GRANT provisioning_tenant TO CURRENT_USER;
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO provisioning_tenant;
GRANT SELECT ON templates TO provisioning_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON agents, phone_numbers TO provisioning_tenant;
GRANT SELECT, INSERT, UPDATE ON phone_pool TO provisioning_tenant;
GRANT INSERT ON outbox TO provisioning_tenant;
