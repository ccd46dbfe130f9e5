-- bench/province.sh: a reading log as the app writes it today (the participant's rows found by participant_id).
\set p random(:pmin, :pmax)
BEGIN;
SELECT coalesce(sum(pages), 0), coalesce(sum(minutes), 0), count(*) FILTER (WHERE finished) FROM reading_log
 WHERE participant_id = :p AND read_on = current_date AND status <> 'VOIDED' AND id <> -1;
INSERT INTO reading_log (participant_id, challenge_id, title, author, pages, read_on, points, status, counted_at,
                         created_at, updated_at)
VALUES (:p, :challenge, 'Bumi', 'Tere Liye', 20, current_date, 20, 'VALID', now(), now(), now());
WITH logs AS (
    SELECT coalesce(sum(points), 0) AS points, count(*) FILTER (WHERE finished) AS books,
           coalesce(sum(pages), 0) AS pages, coalesce(sum(minutes), 0) AS minutes, max(counted_at) AS last_at
      FROM reading_log WHERE participant_id = :p AND status = 'VALID'),
codes AS (
    SELECT coalesce(sum(points), 0) AS points, max(redeemed_at) AS last_at
      FROM code_redemption WHERE participant_id = :p),
changed AS (
    UPDATE participant p
       SET points = logs.points + codes.points, books = logs.books, pages = logs.pages, minutes = logs.minutes,
           reached_at = coalesce(greatest(logs.last_at, codes.last_at), p.joined_at), revision = p.revision + 1
      FROM logs, codes
     WHERE p.id = :p
 RETURNING p.*)
SELECT points FROM changed CROSS JOIN LATERAL (SELECT pg_notify('serambi_leaderboard', json_build_object(
    'c', challenge_id, 'p', id, 'n', nickname, 's', school, 'h', hidden, 'pts', points,
    'at', (extract(epoch FROM reached_at) * 1000000)::bigint, 'r', revision)::text)) AS sent;
COMMIT;
