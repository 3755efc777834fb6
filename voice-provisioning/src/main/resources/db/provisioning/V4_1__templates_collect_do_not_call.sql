-- Every template collects do_not_call: the dialer puts the number on the tenant's do-not-call list when a call's
-- analysis says true (consent revoked "by any reasonable means", 47 CFR 64.1200(a)(10); voice-dialer ADR 0011).
-- Numbered 4.1 so that it stays apart from any V4 another change brings.
UPDATE templates SET data_collection = data_collection || jsonb_build_array(jsonb_build_object(
        'id', 'do_not_call', 'type', 'boolean',
        'description', 'True when the contact asked not to be called again (stop calling, remove my number, '
            || 'do not call), in any words.'))
WHERE NOT data_collection @> '[{"id": "do_not_call"}]';
