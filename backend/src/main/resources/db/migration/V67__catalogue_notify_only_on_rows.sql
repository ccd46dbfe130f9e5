-- Issue 21 (B1's tail): a statement trigger fires even when its statement changed no row, so the reminder job's
-- "UPDATE event SET status = 'COMPLETED' WHERE ... ends_at <= now()" announced a catalogue change every few minutes on
-- every instance although nothing had ended. The event table's triggers now see the statement's rows (transition
-- tables) and announce only when there was one. PostgreSQL allows a transition table only on a trigger of one event,
-- hence one trigger per event; TRUNCATE has no rows to see and always announces. The registration trigger stays as
-- V22 made it: its column list (status, event_id) already keeps unrelated updates quiet, and a column list cannot be
-- combined with a transition table.
CREATE FUNCTION notify_catalogue_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed_rows) THEN
        PERFORM pg_notify('serambi_catalogue', '');
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER event_catalogue_change ON event;

CREATE TRIGGER event_catalogue_insert AFTER INSERT ON event REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_rows();
CREATE TRIGGER event_catalogue_update AFTER UPDATE ON event REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_rows();
CREATE TRIGGER event_catalogue_delete AFTER DELETE ON event REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_rows();
CREATE TRIGGER event_catalogue_truncate AFTER TRUNCATE ON event
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_change();
