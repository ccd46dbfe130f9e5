-- bench/province.sh: the catalogue's default page as EventRepository.search asks for it: 20 upcoming published
-- events, their total, the next end (the page's expiry) and the waitlist counts of the page's events.
SELECT id, title, starts_at, ends_at, capacity, confirmed_count FROM event
 WHERE status IN ('PUBLISHED') AND ends_at > now() ORDER BY starts_at, id LIMIT 20;
SELECT count(*) FROM event WHERE status IN ('PUBLISHED') AND ends_at > now();
SELECT min(ends_at) FROM event WHERE status IN ('PUBLISHED') AND ends_at > now();
SELECT event_id, count(*) FROM registration
 WHERE event_id IN (SELECT id FROM event WHERE status IN ('PUBLISHED') AND ends_at > now() ORDER BY starts_at, id LIMIT 20)
   AND status = 'WAITLISTED' GROUP BY event_id;
