-- B2 reference: the SQL the app sends for one new registration that arrives alone (RegistrationService.registerOnce,
-- ClaimLine and RegistrationRepository, checked against pg_stat_statements), for a new patron each time, each statement
-- committing by itself:
--  1. the lookup: the event and the same e-mail's active registration, no lock;
--  2. the claim: lock the event, take a seat if one is left, insert the registration as CONFIRMED or WAITLISTED and
--     its manage token (the app sends the claims that wait at the same moment together, as one statement with
--     arrays, RegistrationRepository.CLAIM_ALL; pgbench's clients cannot share a statement, so each sends its own);
--  3. after the commit, the waitlist position when waitlisted.
-- Sent with -M prepared, as the app's pool keeps its statements prepared.
\set n random(1, 2000000000)
SELECT e.id, e.title, e.status, e.starts_at, e.ends_at, e.platform, e.join_url, e.capacity,
       e.confirmed_count, e.registration_opens_at, e.registration_closes_at,
       (SELECT r.id FROM registration r
         WHERE r.event_id = e.id AND lower(r.email) = lower('pgbench' || :client_id || '.' || :n || '@bench.serambi.id')
           AND r.status <> 'CANCELLED') AS existing_id
  FROM event e WHERE e.id = :event;
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
SELECT id, position FROM (
    SELECT id, row_number() OVER (ORDER BY id) AS position FROM registration
     WHERE event_id = :event AND status = 'WAITLISTED' AND id <= :registration) waiting
 WHERE id = ANY(ARRAY[:registration]::bigint[]);
\endif
