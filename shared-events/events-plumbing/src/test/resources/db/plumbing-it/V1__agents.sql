CREATE TABLE agents (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, name text NOT NULL);
CREATE TABLE applied_events (event_id uuid PRIMARY KEY, agent_id uuid NOT NULL, applied_count int NOT NULL DEFAULT 1);
