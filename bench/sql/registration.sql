-- B2 reference: the SQL the app sends for one new registration (RegistrationService.register; logged with
-- QUARKUS_HIBERNATE_ORM_LOG_SQL=true and SeatClaims), for a new patron each time:
--  1. a read-only look at the event and for the same e-mail (no lock);
--  2. the claim, one statement that commits by itself: lock the event, take a seat if one is left, insert the
--     registration and its manage token;
--  3. after the commit, the waitlist position when waitlisted.
\set n random(1, 2000000000)
BEGIN;
SELECT id, audience, cancelled_at, capacity, confirmed_count, created_at, description, ends_at, join_url, language,
       platform, published_at, registration_closes_at, registration_opens_at, series_id, starts_at, status, title,
       type, updated_at, version
  FROM event WHERE id = :event;
SELECT id, age_group, attended_at, cancelled_at, checkin_code, confirmed_at, created_at, email, event_id, name,
       reminder_sent_at, status, whatsapp
  FROM registration
 WHERE event_id = :event AND lower(email) = lower('pgbench' || :client_id || '.' || :n || '@bench.serambi.id')
   AND status <> 'CANCELLED' OFFSET 0 ROWS FETCH FIRST 1 ROWS ONLY;
COMMIT;
WITH ev AS (
    SELECT id FROM event WHERE id = :event AND status = 'PUBLISHED' FOR NO KEY UPDATE
), seat AS (
    UPDATE event e SET confirmed_count = e.confirmed_count + 1
      FROM ev
     WHERE e.id = ev.id AND (e.capacity IS NULL OR e.confirmed_count < e.capacity)
    RETURNING e.id
), reg AS (
    INSERT INTO registration (event_id, name, email, whatsapp, age_group, status, confirmed_at, created_at)
    SELECT ev.id, 'Pembaca ' || :n, 'pgbench' || :client_id || '.' || :n || '@bench.serambi.id', NULL, NULL,
           CASE WHEN EXISTS (SELECT 1 FROM seat) THEN 'CONFIRMED' ELSE 'WAITLISTED' END,
           CASE WHEN EXISTS (SELECT 1 FROM seat) THEN now() END,
           now()
      FROM ev
    RETURNING id, status, checkin_code
), token AS (
    INSERT INTO registration_token (registration_id, token_hash, created_at)
    SELECT id, md5(random()::text) || md5(random()::text), now() FROM reg
)
SELECT id AS registration, (status = 'WAITLISTED')::int AS waitlisted, checkin_code FROM reg \gset
\if :waitlisted
SELECT count(*) FROM registration WHERE event_id = :event AND status = 'WAITLISTED' AND id <= :registration;
\endif
