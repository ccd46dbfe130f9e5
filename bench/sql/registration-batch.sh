#!/usr/bin/env bash
# Writes, to stdout, the pgbench script of B2's second reference: what the app sends for BATCH registrations that
# arrive together (ClaimLine): a lookup for each patron, then one RegistrationRepository.CLAIM_ALL statement for all of them, then
# one read of the waitlist positions. Usage: bench/sql/registration-batch.sh 20 > /tmp/batch.sql
BATCH=${1:-20}
echo '\set n random(1, 2000000000)'
for i in $(seq 1 "$BATCH"); do
  cat <<SQL
SELECT e.id, e.title, e.status, e.starts_at, e.ends_at, e.platform, e.join_url, e.capacity,
       e.confirmed_count, e.registration_opens_at, e.registration_closes_at,
       (SELECT r.id FROM registration r
         WHERE r.event_id = e.id AND lower(r.email) = lower('pgbench' || :client_id || '.' || :n || '.$i@bench.serambi.id')
           AND r.status <> 'CANCELLED') AS existing_id
  FROM event e WHERE e.id = :event;
SQL
done
cat <<SQL
WITH input AS (
    SELECT 'Pembaca ' || g AS name, 'pgbench' || :client_id || '.' || :n || '.' || g || '@bench.serambi.id' AS email,
           NULL::text AS whatsapp, NULL::text AS age_group, now() AS at,
           md5(random()::text) || md5(random()::text) AS token_hash, g AS ord
      FROM generate_series(1, $BATCH) g
), ev AS (
    SELECT id, CASE WHEN capacity IS NULL THEN $BATCH
                    ELSE least($BATCH, greatest(capacity - confirmed_count, 0)) END AS seats
      FROM event WHERE id = :event AND status = 'PUBLISHED' FOR NO KEY UPDATE
), seat AS (
    UPDATE event e SET confirmed_count = e.confirmed_count + ev.seats
      FROM ev
     WHERE e.id = ev.id AND ev.seats > 0
    RETURNING e.id
), reg AS (
    INSERT INTO registration (event_id, name, email, whatsapp, age_group, status, confirmed_at, created_at)
    SELECT ev.id, i.name, i.email, i.whatsapp, i.age_group,
           CASE WHEN i.ord <= ev.seats THEN 'CONFIRMED' ELSE 'WAITLISTED' END,
           CASE WHEN i.ord <= ev.seats THEN i.at END,
           i.at
      FROM ev, input i
     ORDER BY i.ord
    RETURNING id, email, status, checkin_code
), token AS (
    INSERT INTO registration_token (registration_id, token_hash, created_at)
    SELECT reg.id, i.token_hash, i.at FROM reg JOIN input i ON i.email = reg.email
)
SELECT coalesce(max(id), 0) AS last, coalesce(min(id) FILTER (WHERE status = 'WAITLISTED'), 0) AS first_waiting
  FROM reg \gset
\if :first_waiting
SELECT id, position FROM (
    SELECT id, row_number() OVER (ORDER BY id) AS position FROM registration
     WHERE event_id = :event AND status = 'WAITLISTED' AND id <= :last) waiting
 WHERE id >= :first_waiting;
\endif
SQL
