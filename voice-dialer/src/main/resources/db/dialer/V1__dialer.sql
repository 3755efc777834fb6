-- Read model of voice-provisioning: what a tenant owns, so that calls and campaigns can be checked locally.
CREATE TABLE agents (
    id                uuid PRIMARY KEY,
    tenant_id         uuid        NOT NULL,
    name              text,
    provider_agent_id text,
    deleted           boolean     NOT NULL DEFAULT false,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agents_tenant ON agents (tenant_id);

CREATE TABLE numbers (
    id                       uuid PRIMARY KEY,
    tenant_id                uuid        NOT NULL,
    e164                     text,
    provider_phone_number_id text,
    agent_id                 uuid,
    released                 boolean     NOT NULL DEFAULT false,
    updated_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX numbers_tenant ON numbers (tenant_id);

-- The tenant's internal do-not-call list (47 CFR 64.1200(d)), checked at upload and again at dial time.
CREATE TABLE suppressions (
    tenant_id  uuid        NOT NULL,
    phone      text        NOT NULL,
    reason     text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, phone)
);

CREATE TABLE campaigns (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid        NOT NULL,
    name               text        NOT NULL,
    agent_id           uuid        NOT NULL,
    phone_number_id    uuid        NOT NULL,
    status             text        NOT NULL,
    window_start       int         NOT NULL,
    window_end         int         NOT NULL,
    window_days        text        NOT NULL,
    calls_per_second   double precision NOT NULL,
    max_concurrent     int         NOT NULL,
    max_attempts       int         NOT NULL,
    delay_busy         int         NOT NULL,
    delay_no_answer    int         NOT NULL,
    delay_voicemail    int         NOT NULL,
    delay_failed       int         NOT NULL,
    dispatcher         text,
    dispatcher_until   timestamptz,
    created_at         timestamptz NOT NULL,
    started_at         timestamptz,
    finished_at        timestamptz
);
CREATE INDEX campaigns_tenant ON campaigns (tenant_id, created_at);
CREATE INDEX campaigns_active ON campaigns (status) WHERE status = 'running';

-- One row per contact of a campaign. zone_key is the contact's time zone(s) from its number; state is
-- pending -> in_flight -> (pending again for a retry) -> done | exhausted | suppressed | cancelled.
CREATE TABLE contacts (
    id              uuid PRIMARY KEY,
    campaign_id     uuid        NOT NULL REFERENCES campaigns (id),
    tenant_id       uuid        NOT NULL,
    row_no          int         NOT NULL,
    phone           text        NOT NULL,
    zone_key        text        NOT NULL,
    variables       jsonb       NOT NULL DEFAULT '{}',
    state           text        NOT NULL DEFAULT 'pending',
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT '-infinity',
    last_outcome    text,
    UNIQUE (campaign_id, phone)
);
CREATE INDEX contacts_due ON contacts (campaign_id, next_attempt_at) WHERE state = 'pending';
CREATE INDEX contacts_state ON contacts (campaign_id, state);

-- One row per call attempt, written (state 'requested') and committed before the provider is called.
CREATE TABLE calls (
    id               uuid PRIMARY KEY,
    tenant_id        uuid        NOT NULL,
    campaign_id      uuid,
    contact_id       uuid,
    attempt          int         NOT NULL,
    agent_id         uuid        NOT NULL,
    phone_number_id  uuid        NOT NULL,
    to_number        text        NOT NULL,
    state            text        NOT NULL,
    provider_call_id text,
    call_sid         text,
    outcome          text,
    duration_secs    int,
    cost             numeric(12, 6),
    failure_reason   text,
    requested_at     timestamptz NOT NULL,
    initiated_at     timestamptz,
    finished_at      timestamptz,
    reconcile_after  timestamptz
);
CREATE INDEX calls_campaign ON calls (campaign_id, requested_at);
CREATE INDEX calls_open ON calls (tenant_id, phone_number_id) WHERE state IN ('requested', 'initiated', 'unknown');
CREATE INDEX calls_reconcile ON calls (reconcile_after) WHERE state IN ('initiated', 'unknown');
CREATE INDEX calls_provider ON calls (provider_call_id);

-- Exactly one usage entry per call (billing).
CREATE TABLE usage_ledger (
    call_id          uuid PRIMARY KEY,
    tenant_id        uuid           NOT NULL,
    campaign_id      uuid,
    billable_seconds int            NOT NULL,
    cost             numeric(12, 6) NOT NULL,
    recorded_at      timestamptz    NOT NULL
);
CREATE INDEX usage_tenant ON usage_ledger (tenant_id, recorded_at);
