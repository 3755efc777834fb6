-- One owner per call (ADR 0009): the attempt's state machine, its fencing, its full outcome, the provider reports
-- that matched no attempt, and the pacing budget every dialer instance shares.

-- States are the enum CallState; the first build's 'unknown' meant "maybe dialed" and 'deferred' "never dialed".
UPDATE calls SET state = 'ambiguous' WHERE state = 'unknown';
UPDATE calls SET state = 'not_placed' WHERE state = 'deferred';
ALTER TABLE calls
    ADD COLUMN owner               text,
    ADD COLUMN owner_epoch         bigint,
    ADD COLUMN provider_agent_id   text,
    ADD COLUMN from_number         text,
    ADD COLUMN sent_at             timestamptz,
    ADD COLUMN resolve_after       timestamptz,
    ADD COLUMN local_hour          int,
    ADD COLUMN billable_secs       int,
    ADD COLUMN cost_credits        numeric(14, 4),
    ADD COLUMN qualified           boolean,
    ADD COLUMN qualification_score double precision,
    ADD COLUMN termination_reason  text,
    ADD COLUMN analysis            jsonb,
    ADD COLUMN summary             text,
    ADD COLUMN not_placed_reason   text,
    ADD COLUMN decided_by          text,
    ADD COLUMN sources             text[];
COMMENT ON COLUMN calls.cost IS 'USD (the provider''s cost_fiat); credits are cost_credits';
DROP INDEX calls_open;
CREATE INDEX calls_open ON calls (tenant_id, phone_number_id)
    WHERE state IN ('requested', 'sending', 'ambiguous', 'initiated');
DROP INDEX calls_reconcile;
CREATE INDEX calls_reconcile ON calls (reconcile_after) WHERE state = 'initiated';
CREATE INDEX calls_unsettled ON calls (requested_at) WHERE state IN ('requested', 'sending', 'ambiguous');
CREATE INDEX calls_call_sid ON calls (call_sid);
CREATE INDEX calls_number_recent ON calls (tenant_id, to_number, requested_at);

-- The pacing lease's epoch grows each time another instance takes a campaign over: a send recorded under an older
-- epoch is refused (fencing). stopped_reason says why dialing stopped when the provider refused the account.
ALTER TABLE campaigns
    ADD COLUMN lease_epoch    bigint NOT NULL DEFAULT 0,
    ADD COLUMN stopped_reason text;

-- Reports no attempt of ours accounts for: kept, counted, never an outcome.
CREATE TABLE unmatched_reports (
    event_id         uuid PRIMARY KEY,
    provider         text        NOT NULL,
    kind             text        NOT NULL,
    provider_call_id text        NOT NULL,
    reason           text        NOT NULL,
    report           jsonb       NOT NULL,
    received_at      timestamptz NOT NULL
);
CREATE INDEX unmatched_reports_call ON unmatched_reports (provider_call_id);

-- Call starts granted per pacing key (a tenant, the provider account) in the last window, for every instance: a
-- sliding log under an advisory lock per key, so that N replicas together never exceed one limit.
CREATE TABLE pacing_grants (
    pacing_key text        NOT NULL,
    granted_at timestamptz NOT NULL
);
CREATE INDEX pacing_grants_key ON pacing_grants (pacing_key, granted_at);

-- single calls are paced inside tenant requests, which run as the tenant role (ADR 0007)
GRANT SELECT, INSERT, DELETE ON pacing_grants TO dialer_tenant;
