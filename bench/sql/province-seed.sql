-- bench/province.sh: :libraries libraries' year of Serambi in one database (psql -v libraries=N). One library's year
-- (SCALING.md, "The Banjarbaru load", at its busiest): 240 events (20 a month, 20 of them still to come) with 100
-- registrations each (a tenth waitlisted or cancelled), 6 reading challenges of 2,000 teens each, 24 reading logs a
-- teen (3 a week for 8 weeks). Event and challenge rows of all libraries are interleaved as a shared database would
-- hold them (Serambi has no library column: every library's rows sit in the same tables).
INSERT INTO event (title, description, type, audience, language, starts_at, ends_at, platform, join_url, capacity,
                   confirmed_count, status, published_at, created_at, updated_at)
SELECT 'Acara ' || g, 'Diskusi buku ' || g, 'BOOK_DISCUSSION', 'ALL', 'id',
       now() + (g - 220 * :libraries) * interval '36 hours' / :libraries,
       now() + (g - 220 * :libraries) * interval '36 hours' / :libraries + interval '2 hours',
       'ZOOM', 'https://zoom.us/j/' || g, 300, 90,
       CASE WHEN g <= 220 * :libraries THEN 'COMPLETED' ELSE 'PUBLISHED' END, now() - interval '30 days',
       now() - interval '30 days', now() - interval '30 days'
  FROM generate_series(1, 240 * :libraries) g;

INSERT INTO registration (event_id, name, email, status, created_at, confirmed_at)
SELECT e.id, 'Pembaca ' || r, 'pembaca' || r || '.' || e.id || '@contoh.id',
       CASE WHEN r <= 90 THEN 'CONFIRMED' WHEN r <= 95 THEN 'WAITLISTED' ELSE 'CANCELLED' END,
       e.starts_at - interval '3 days', e.starts_at - interval '3 days'
  FROM event e, generate_series(1, 100) r;

INSERT INTO challenge (title, audience, starts_on, ends_on, goal_type, goal_value, points_per_page, status)
SELECT 'Tantangan ' || g, 'TEENS', current_date - 50, current_date + 6, 'PAGES', 1000, 1, 'PUBLISHED'
  FROM generate_series(1, 6 * :libraries) g;

INSERT INTO participant (challenge_id, nickname, school, points, pages, reached_at, joined_at)
SELECT c.id, 'pembaca' || g, 'Sekolah ' || (g % 40), 0, 0, now(), now() - interval '50 days'
  FROM challenge c, generate_series(1, 2000) g;

-- Logs in time order across all challenges (as they arrive), not challenge by challenge.
INSERT INTO reading_log (participant_id, challenge_id, title, author, pages, read_on, points, status, counted_at,
                         review, share_review, created_at, updated_at)
SELECT p.id, p.challenge_id, 'Buku ' || (p.id % 997), 'Penulis ' || (p.id % 211), 1 + (p.id * 7919 + w) % 120,
       current_date - 56 + w * 2, 1 + (p.id * 7919 + w) % 120, 'VALID', now() - (24 - w) * interval '2 days',
       CASE WHEN (p.id + w) % 50 = 0 THEN 'Bagus sekali' END, (p.id + w) % 50 = 0,
       now() - (24 - w) * interval '2 days', now()
  FROM generate_series(1, 24) w, participant p
 ORDER BY w, p.id;

UPDATE participant p
   SET points = t.points, pages = t.pages, books = t.books, reached_at = t.reached_at
  FROM (SELECT participant_id, sum(points) AS points, sum(pages) AS pages, count(*) AS books,
               max(counted_at) AS reached_at
          FROM reading_log GROUP BY participant_id) t
 WHERE p.id = t.participant_id;

VACUUM ANALYZE event;
VACUUM ANALYZE registration;
VACUUM ANALYZE participant;
VACUUM ANALYZE reading_log;
