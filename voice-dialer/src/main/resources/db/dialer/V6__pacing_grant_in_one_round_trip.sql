-- A shared pacing grant in one statement (ADR 0027): the advisory lock, the count of the window and the log's insert
-- for every key, which took seven round trips a grant. Grants are serialized per key set in an instance, so at
-- 50 calls/s a loaded database's 3-5 ms a round trip made the log itself the limit and the pace dipped under it.
-- keys come sorted (the lock order every caller shares); capacity is floor(rate), at least one; waits are exact.
CREATE FUNCTION pacing_grant(keys text[], rates double precision[], window_seconds double precision, wanted integer)
    RETURNS TABLE (granted integer, wait_seconds double precision)
    LANGUAGE plpgsql AS $$
DECLARE
    held   bigint;
    oldest timestamptz;
    now_at timestamptz;
    free   bigint;
BEGIN
    granted := wanted;
    wait_seconds := 0;
    FOR i IN 1 .. array_length(keys, 1) LOOP
        PERFORM pg_advisory_xact_lock(hashtext('revos-pacing:' || keys[i]));
        now_at := clock_timestamp();
        SELECT count(*), min(g.granted_at) INTO held, oldest FROM pacing_grants g
         WHERE g.pacing_key = keys[i] AND g.granted_at > now_at - make_interval(secs => window_seconds);
        free := greatest(1, floor(rates[i])::integer) - held;
        granted := least(granted, free);
        IF free <= 0 THEN
            wait_seconds := greatest(wait_seconds, extract(epoch FROM oldest - now_at) + window_seconds);
        END IF;
    END LOOP;
    IF granted <= 0 THEN
        granted := 0;
        RETURN NEXT;
        RETURN;
    END IF;
    FOR i IN 1 .. array_length(keys, 1) LOOP
        INSERT INTO pacing_grants (pacing_key, granted_at)
        SELECT keys[i], clock_timestamp() FROM generate_series(1, granted);
    END LOOP;
    RETURN NEXT;
END
$$;

-- single calls are paced inside tenant requests, which run as the tenant role (ADR 0007)
GRANT EXECUTE ON FUNCTION pacing_grant(text[], double precision[], double precision, integer) TO dialer_tenant;
