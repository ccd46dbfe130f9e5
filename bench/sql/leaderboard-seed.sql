-- Seeds one challenge's leaderboard: :participants anonymous participants and :logs valid reading logs spread over
-- them (psql -v challenge=.. -v participants=.. -v logs=..). With logs, every participant's points, pages, books and
-- reached_at are the totals of their logs, as the app keeps them; with logs=0, points are random.
INSERT INTO participant (challenge_id, nickname, school, points, pages, reached_at, joined_at)
SELECT :challenge, 'pembaca' || g, 'Sekolah ' || (g % 40), (random() * 5000)::int, 0,
       now() - random() * interval '6 days', now() - interval '7 days'
  FROM generate_series(1, :participants) g;

INSERT INTO reading_log (participant_id, challenge_id, title, author, pages, read_on, points, status, counted_at,
                         created_at, updated_at)
SELECT first.id + (g % :participants), :challenge, 'Buku ' || (g % 997), 'Penulis ' || (g % 211),
       1 + (g::bigint * 7919) % 300, current_date - (g % 7), 1 + (g::bigint * 7919) % 300, 'VALID',
       now() - (g % 600000) * interval '1 second', now(), now()
  FROM generate_series(0, :logs - 1) g,
       (SELECT min(id) AS id FROM participant WHERE challenge_id = :challenge) first;

UPDATE participant p
   SET points = t.points, pages = t.pages, books = t.books, reached_at = t.reached_at
  FROM (SELECT participant_id, sum(points) AS points, sum(pages) AS pages, count(*) AS books,
               max(counted_at) AS reached_at
          FROM reading_log WHERE challenge_id = :challenge GROUP BY participant_id) t
 WHERE p.id = t.participant_id;

ANALYZE participant;
ANALYZE reading_log;
