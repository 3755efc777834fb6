-- The transactional outbox of this service (shared-events plumbing). Rows are written in the business
-- transaction and read from the WAL by the Debezium relay; they are kept a day for audit, then deleted.
CREATE TABLE outbox (
    id             uuid        PRIMARY KEY,
    aggregate_type text        NOT NULL,
    aggregate_id   text        NOT NULL,
    topic          text        NOT NULL,
    type           text        NOT NULL,
    source         text        NOT NULL,
    subject        text,
    tenant_id      uuid,
    campaign_id    uuid,
    payload        jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_created_at ON outbox (created_at);

-- Events each consumer group has applied: claimed in the side effect's transaction (idempotent consumers).
CREATE TABLE processed_events (
    consumer_group text        NOT NULL,
    event_id       uuid        NOT NULL,
    processed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, event_id)
);

-- The relay's Debezium offsets (JdbcOffsetBackingStore's own layout), durable across restarts.
CREATE TABLE outbox_relay_offsets (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    offset_key        VARCHAR(1255),
    offset_val        VARCHAR(1255),
    record_insert_ts  TIMESTAMP     NOT NULL,
    record_insert_seq INTEGER       NOT NULL
);
