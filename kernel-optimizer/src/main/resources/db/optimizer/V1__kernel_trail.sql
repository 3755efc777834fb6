-- kernel-optimizer: tenants' policies and the audit trail (observation -> decision -> action).

CREATE TABLE optimizer_policies (
    tenant_id  uuid        PRIMARY KEY,
    policy     jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- What was observed: the metric snapshot that made a rule fire.
CREATE TABLE kernel_events (
    event_id         uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL,
    campaign_id      uuid        NOT NULL,
    trigger_event_id uuid        NOT NULL,
    observed_at      timestamptz NOT NULL,
    metrics          jsonb       NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- What was decided. decision_id is deterministic (campaign, rule, episode): a replayed decision conflicts here
-- and so publishes nothing a second time.
CREATE TABLE kernel_decisions (
    decision_id  uuid             PRIMARY KEY,
    event_id     uuid             NOT NULL REFERENCES kernel_events (event_id),
    tenant_id    uuid             NOT NULL,
    campaign_id  uuid             NOT NULL,
    rule         text             NOT NULL,
    episode      integer          NOT NULL,
    metric_value double precision NOT NULL,
    threshold    double precision NOT NULL,
    decision     text             NOT NULL,
    detail       jsonb            NOT NULL,
    decided_at   timestamptz      NOT NULL,
    created_at   timestamptz      NOT NULL DEFAULT now(),
    UNIQUE (campaign_id, rule, episode)
);
CREATE INDEX kernel_decisions_campaign ON kernel_decisions (tenant_id, campaign_id, decided_at DESC);

-- What was sent (command or recommendation, by its id) and, for commands, the dialer's confirmation.
CREATE TABLE kernel_actions (
    action_id             uuid        PRIMARY KEY,
    decision_id           uuid        NOT NULL UNIQUE REFERENCES kernel_decisions (decision_id),
    tenant_id             uuid        NOT NULL,
    campaign_id           uuid        NOT NULL,
    kind                  text        NOT NULL,
    type                  text        NOT NULL,
    payload               jsonb       NOT NULL,
    issued_at             timestamptz NOT NULL,
    confirmed_at          timestamptz,
    confirmation_type     text,
    confirmation_event_id uuid
);

ALTER TABLE optimizer_policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE kernel_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE kernel_decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE kernel_actions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON optimizer_policies USING (tenant_id = current_setting('app.tenant_id', true)::uuid);
CREATE POLICY tenant_isolation ON kernel_events USING (tenant_id = current_setting('app.tenant_id', true)::uuid);
CREATE POLICY tenant_isolation ON kernel_decisions USING (tenant_id = current_setting('app.tenant_id', true)::uuid);
CREATE POLICY tenant_isolation ON kernel_actions USING (tenant_id = current_setting('app.tenant_id', true)::uuid);
