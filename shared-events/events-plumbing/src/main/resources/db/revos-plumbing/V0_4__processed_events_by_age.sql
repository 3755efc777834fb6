-- The consumers' log of applied events is kept for a while (revos.consumers.processed-events-retention), then
-- deleted by age. Claims arrive in time order, so a BRIN index finds the old ones at almost no cost per claim,
-- where a B-tree would add a third index entry to every event a consumer applies.
CREATE INDEX processed_events_by_age ON processed_events USING brin (processed_at);
