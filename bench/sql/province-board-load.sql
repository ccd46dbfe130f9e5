-- bench/province.sh: loading one challenge's board into memory (LeaderboardRepository.LOAD), once per instance
-- and after each LISTEN reconnection.
SELECT id, nickname, school, points, (extract(epoch FROM reached_at) * 1000000)::bigint AS at, revision
  FROM participant WHERE challenge_id = :challenge AND NOT hidden
 ORDER BY points DESC, reached_at, id;
