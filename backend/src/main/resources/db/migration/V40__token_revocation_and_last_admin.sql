-- Tokens die with the account's role, password and existence (issue 13, finding 1), and the library always keeps an
-- admin (finding 6).

-- Every bearer token carries the account's token version ("tv"); a token whose version is not the current one is
-- refused. A role change or a password change bumps it here, whatever code or SQL made the change; "log out
-- everywhere" bumps it directly.
ALTER TABLE app_user ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION app_user_bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.role IS DISTINCT FROM OLD.role OR NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
        NEW.token_version := greatest(NEW.token_version, OLD.token_version + 1);
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER app_user_bump_token_version BEFORE UPDATE ON app_user
    FOR EACH ROW EXECUTE FUNCTION app_user_bump_token_version();

-- Every instance keeps the accounts' current role and token version in memory (account/AccountStates) and forgets an
-- account when it is told, in the committing transaction, that it changed or went.
CREATE FUNCTION app_user_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('account_changed', OLD.id::text);
    RETURN NULL;
END $$;

CREATE TRIGGER app_user_announce_update AFTER UPDATE ON app_user
    FOR EACH ROW WHEN (OLD.token_version IS DISTINCT FROM NEW.token_version OR OLD.role IS DISTINCT FROM NEW.role)
    EXECUTE FUNCTION app_user_announce_change();

CREATE TRIGGER app_user_announce_delete AFTER DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION app_user_announce_change();

-- At least one admin, enforced by the database: demoting or deleting an admin takes one lock shared by every such
-- change, then counts the admins left with a fresh snapshot (READ COMMITTED), so of two admins erasing themselves at
-- the same moment, the second sees the first one gone and fails with SQLSTATE SA001 (mapped to 409 last-admin).
CREATE FUNCTION app_user_keep_an_admin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.role = 'ADMIN' AND (TG_OP = 'DELETE' OR NEW.role IS DISTINCT FROM 'ADMIN') THEN
        PERFORM pg_advisory_xact_lock(hashtext('serambi:app_user:admins'));
        IF NOT EXISTS (SELECT 1 FROM app_user WHERE role = 'ADMIN' AND id <> OLD.id) THEN
            RAISE EXCEPTION 'the library must keep at least one admin' USING ERRCODE = 'SA001';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER app_user_keep_an_admin BEFORE UPDATE OF role OR DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION app_user_keep_an_admin();
