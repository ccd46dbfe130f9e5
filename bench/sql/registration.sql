-- B2 reference: the registration transaction exactly as the app sends it (logged with
-- QUARKUS_HIBERNATE_ORM_LOG_SQL=true; RegistrationService.registerInTransaction), for a new patron each time.
\set n random(1, 2000000000)
BEGIN;
SELECT id, audience, cancelled_at, capacity, confirmed_count, created_at, description, ends_at, join_url, language,
       platform, published_at, registration_closes_at, registration_opens_at, series_id, starts_at, status, title,
       type, updated_at, version
  FROM event WHERE id = :event FOR NO KEY UPDATE;
SELECT id, age_group, attended_at, cancelled_at, checkin_code, confirmed_at, created_at, email, event_id, name,
       reminder_sent_at, status, whatsapp
  FROM registration
 WHERE event_id = :event AND lower(email) = lower('pgbench' || :client_id || '.' || :n || '@bench.serambi.id')
   AND status <> 'CANCELLED' OFFSET 0 ROWS FETCH FIRST 1 ROWS ONLY;
WITH seat AS (UPDATE event SET confirmed_count = confirmed_count + 1
               WHERE id = :event AND (capacity IS NULL OR confirmed_count < capacity) RETURNING id)
SELECT count(*) AS seat FROM seat \gset
INSERT INTO registration (age_group, attended_at, cancelled_at, confirmed_at, created_at, email, event_id, name, status,
                          whatsapp)
VALUES (NULL, NULL, NULL, CASE WHEN :seat = 1 THEN now() END, now(),
        'pgbench' || :client_id || '.' || :n || '@bench.serambi.id', :event, 'Pembaca ' || :n,
        CASE WHEN :seat = 1 THEN 'CONFIRMED' ELSE 'WAITLISTED' END, NULL)
RETURNING id AS registration \gset
\if :seat = 0
SELECT count(*) FROM registration WHERE event_id = :event AND status = 'WAITLISTED' AND id <= :registration;
\endif
INSERT INTO registration_token (created_at, registration_id, token_hash)
VALUES (now(), :registration, md5(random()::text) || md5(random()::text));
COMMIT;
