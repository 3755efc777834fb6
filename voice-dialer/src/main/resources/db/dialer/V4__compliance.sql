-- Compliance you can prove (ADR 0011): the evidence of every dial, opt-outs with their source, consent on
-- contacts, a campaign's purpose, the abandonment log, and what the frequency cap counts.

-- Why each dial was placed or refused, decided in the transaction that sends it. Never updated.
CREATE TABLE dial_evidence (
    id                       uuid PRIMARY KEY,
    tenant_id                uuid        NOT NULL,
    campaign_id              uuid,
    contact_id               uuid,
    call_id                  uuid        NOT NULL,
    attempt                  int         NOT NULL,
    to_number                text        NOT NULL,
    decision                 text        NOT NULL CHECK (decision IN ('placed', 'refused')),
    rule                     text,
    rule_name                text,
    detail                   text,
    allowed_hours            text        NOT NULL,
    retry_at                 timestamptz,
    country                  text        NOT NULL,
    zones                    jsonb       NOT NULL,
    states                   jsonb       NOT NULL,
    local_times              jsonb       NOT NULL,
    campaign_window          text,
    ceiling                  text        NOT NULL,
    ceiling_rules            text[]      NOT NULL,
    suppression_checked_at   timestamptz NOT NULL,
    suppression_list_version bigint      NOT NULL,
    calls_last_24h           int         NOT NULL,
    calls_cap                int         NOT NULL,
    cap_rule                 text        NOT NULL,
    consent                  text,
    purpose                  text,
    decided_at               timestamptz NOT NULL
);
CREATE INDEX dial_evidence_campaign ON dial_evidence (campaign_id, decided_at, id);
CREATE INDEX dial_evidence_call ON dial_evidence (call_id);

-- The frequency cap counts calls placed (sent) to a number in the last 24 h, over the tenant's campaigns and
-- single calls.
CREATE INDEX calls_number_sent ON calls (tenant_id, to_number, sent_at) WHERE sent_at IS NOT NULL;

-- Opt-outs keep where they came from: 'api' (a suppression added by the tenant), 'upload', or 'call' (said during
-- the call named by call_id, detected from the provider's analysis).
ALTER TABLE suppressions
    ADD COLUMN source  text NOT NULL DEFAULT 'api',
    ADD COLUMN call_id uuid;

-- Each change to a tenant's list bumps its version: the evidence of a dial names the version it was checked
-- against.
CREATE TABLE suppression_versions (
    tenant_id  uuid PRIMARY KEY,
    version    bigint      NOT NULL,
    changed_at timestamptz NOT NULL
);
CREATE FUNCTION bump_suppression_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed uuid := COALESCE(NEW.tenant_id, OLD.tenant_id);
BEGIN
    INSERT INTO suppression_versions (tenant_id, version, changed_at) VALUES (changed, 1, clock_timestamp())
    ON CONFLICT (tenant_id) DO UPDATE SET version = suppression_versions.version + 1,
                                          changed_at = EXCLUDED.changed_at;
    RETURN NULL;
END
$$;
CREATE TRIGGER suppressions_versioned AFTER INSERT OR UPDATE OR DELETE ON suppressions
    FOR EACH ROW EXECUTE FUNCTION bump_suppression_version();
INSERT INTO suppression_versions (tenant_id, version, changed_at)
    SELECT tenant_id, count(*), now() FROM suppressions GROUP BY tenant_id;

-- What a contact says about its location and its consent (all optional; the stricter reading wins at dial time).
ALTER TABLE contacts
    ADD COLUMN us_state            text,
    ADD COLUMN postal_code         text,
    ADD COLUMN time_zone           text,
    ADD COLUMN consent_type        text NOT NULL DEFAULT 'none',
    ADD COLUMN consent_source      text,
    ADD COLUMN consent_obtained_at timestamptz;

-- Marketing campaigns need written consent where the tenant's setting says so. Campaigns created before this had
-- no purpose; they are taken as marketing, the stricter reading.
ALTER TABLE campaigns ADD COLUMN purpose text NOT NULL DEFAULT 'marketing'
    CHECK (purpose IN ('marketing', 'informational'));
-- A kernel retime the dialer clamped into the legal hours (or refused) says so here, on the campaign it changed.
ALTER TABLE campaigns ADD COLUMN retime_note text;

-- Live-answered campaign calls, and whether each was abandoned (47 CFR 64.1200(a)(7)): the 30-day rate.
CREATE TABLE abandonment_log (
    call_id     uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    campaign_id uuid        NOT NULL,
    abandoned   boolean     NOT NULL,
    answered_at timestamptz NOT NULL
);
CREATE INDEX abandonment_campaign ON abandonment_log (campaign_id, answered_at);

DO $$
DECLARE
    tenant_table text;
BEGIN
    FOREACH tenant_table IN ARRAY ARRAY['dial_evidence', 'suppression_versions', 'abandonment_log'] LOOP
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

-- tenant requests: single calls are decided (and their evidence written) inside them, suppressions added through
-- the API bump the list's version, and the evidence is read and exported
GRANT SELECT, INSERT ON dial_evidence TO dialer_tenant;
GRANT SELECT, INSERT, UPDATE ON suppression_versions TO dialer_tenant;
GRANT SELECT ON abandonment_log TO dialer_tenant;
GRANT UPDATE ON suppressions TO dialer_tenant;
