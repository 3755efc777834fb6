CREATE TABLE applied_batch_events (event_id uuid PRIMARY KEY, applied_count int NOT NULL DEFAULT 1);
