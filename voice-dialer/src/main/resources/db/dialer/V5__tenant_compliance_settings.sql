-- Each tenant's own compliance settings (issue 12, ADR 0022). A NULL setting takes the operator's configured value;
-- a tenant may tighten the operator's values, never loosen them (checked by the API, and again when applied).
CREATE TABLE tenant_compliance_settings (
    tenant_id                     uuid PRIMARY KEY,
    calls_per24h                  int CHECK (calls_per24h >= 1),
    written_consent_for_marketing boolean,
    updated_at                    timestamptz NOT NULL,
    updated_by                    text        NOT NULL
);

ALTER TABLE tenant_compliance_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_compliance_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_compliance_settings
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY service_user ON tenant_compliance_settings TO CURRENT_USER USING (true) WITH CHECK (true);

-- tenant requests read and replace their own settings
GRANT SELECT, INSERT, UPDATE ON tenant_compliance_settings TO dialer_tenant;
