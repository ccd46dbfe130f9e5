-- Every instance keeps the public catalogue's rendered pages in memory (event/CataloguePages.java). Any committed
-- change to events or to registrations (confirmed counts, waitlists) is announced on channel serambi_catalogue, so
-- every instance drops its pages, whichever instance, job or SQL session made the change. PostgreSQL folds the
-- identical notifications of one transaction into one, and sends them only on commit.
CREATE FUNCTION notify_catalogue_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('serambi_catalogue', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER event_catalogue_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON event
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_change();

CREATE TRIGGER registration_catalogue_change AFTER INSERT OR UPDATE OF status, event_id OR DELETE OR TRUNCATE
    ON registration FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_change();
