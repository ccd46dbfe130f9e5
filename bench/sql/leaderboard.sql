-- B3 reference: the board's answer straight from PostgreSQL (pgbench -D challenge=.. -D me=..): the top 10 from the
-- board index, my rank as a COUNT(*) of those ahead of me, and my two neighbours on each side.
SELECT nickname, school, points FROM participant
 WHERE challenge_id = :challenge AND NOT hidden ORDER BY points DESC, reached_at, id LIMIT 10;
SELECT count(*) + 1 AS rank FROM participant p, participant me
 WHERE me.id = :me AND p.challenge_id = :challenge AND NOT p.hidden
   AND (p.points, me.reached_at, me.id) > (me.points, p.reached_at, p.id);
(SELECT p.nickname, p.points FROM participant p, participant me
  WHERE me.id = :me AND p.challenge_id = :challenge AND NOT p.hidden
    AND (p.points, me.reached_at, me.id) > (me.points, p.reached_at, p.id)
  ORDER BY p.points, p.reached_at DESC, p.id DESC LIMIT 2)
UNION ALL
(SELECT p.nickname, p.points FROM participant p, participant me
  WHERE me.id = :me AND p.challenge_id = :challenge AND NOT p.hidden
    AND (me.points, p.reached_at, p.id) > (p.points, me.reached_at, me.id)
  ORDER BY p.points DESC, p.reached_at, p.id LIMIT 2);
