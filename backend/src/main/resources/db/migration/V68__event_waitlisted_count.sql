-- Issue 21 (the soak's drift): the catalogue showed each event's waitlist by counting its WAITLISTED registrations on
-- every render, work that grows with the waitlist (7.4 ms per count at 10,000). The event row now keeps the count, as
-- it keeps confirmed_count, and a render reads it with the event. Triggers keep it: every statement that inserts,
-- deletes or updates registrations adds what it changed, per event, in one UPDATE (transition tables: one trigger per
-- kind of statement, as PostgreSQL requires). The UPDATE runs under the event's row lock on the latest row version,
-- so concurrent statements add up exactly. A registration's claim already holds that lock.
ALTER TABLE event ADD COLUMN waitlisted_count INTEGER NOT NULL DEFAULT 0
    CONSTRAINT event_waitlisted_count_not_negative CHECK (waitlisted_count >= 0);

UPDATE event e SET waitlisted_count = w.n
  FROM (SELECT event_id, count(*) AS n FROM registration WHERE status = 'WAITLISTED' GROUP BY event_id) w
 WHERE e.id = w.event_id;

CREATE FUNCTION registration_waitlisted_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE event e SET waitlisted_count = e.waitlisted_count + d.n
          FROM (SELECT event_id, count(*) AS n FROM new_rows WHERE status = 'WAITLISTED' GROUP BY event_id) d
         WHERE e.id = d.event_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE event e SET waitlisted_count = e.waitlisted_count - d.n
          FROM (SELECT event_id, count(*) AS n FROM old_rows WHERE status = 'WAITLISTED' GROUP BY event_id) d
         WHERE e.id = d.event_id;
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE event e SET waitlisted_count = e.waitlisted_count + d.n
          FROM (SELECT event_id, sum(n) AS n
                  FROM (SELECT event_id, 1 AS n FROM new_rows WHERE status = 'WAITLISTED'
                        UNION ALL
                        SELECT event_id, -1 FROM old_rows WHERE status = 'WAITLISTED') changes
                 GROUP BY event_id HAVING sum(n) <> 0) d
         WHERE e.id = d.event_id;
    ELSE -- TRUNCATE: no rows to see, and no registration left
        UPDATE event SET waitlisted_count = 0 WHERE waitlisted_count <> 0;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER registration_waitlisted_insert AFTER INSERT ON registration REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION registration_waitlisted_count();
CREATE TRIGGER registration_waitlisted_update AFTER UPDATE ON registration
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION registration_waitlisted_count();
CREATE TRIGGER registration_waitlisted_delete AFTER DELETE ON registration REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION registration_waitlisted_count();
CREATE TRIGGER registration_waitlisted_truncate AFTER TRUNCATE ON registration
    FOR EACH STATEMENT EXECUTE FUNCTION registration_waitlisted_count();
