-- Idempotency-Key replay (service-support): the first request with a key runs, later ones get its answer.
CREATE TABLE idempotency_keys (
    tenant_id     uuid        NOT NULL,
    key           text        NOT NULL,
    fingerprint   text        NOT NULL,
    state         text        NOT NULL,
    status        int,
    response_body text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key)
);
