-- What each outbox column holds, named for it: `event_record` is the event's record (CallCompleted, ...), and
-- `aggregate_type` from now on the family it belongs to (CallEvent, CampaignEvent, ...), as the outbox pattern
-- means it. Additive: rows written before keep the record name in aggregate_type and no event_record.
ALTER TABLE outbox ADD COLUMN event_record text;
COMMENT ON COLUMN outbox.aggregate_type IS 'the event family (sealed interface) the event belongs to, e.g. CallEvent';
COMMENT ON COLUMN outbox.event_record IS 'the event record, e.g. CallCompleted';
