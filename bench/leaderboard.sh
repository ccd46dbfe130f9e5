#!/usr/bin/env bash
# Leaderboard benchmark (issue 4 "Scale", a first cut of B3): top-10 plus "my rank" from the in-memory board at
# 10,000 and 100,000 participants, against the same question asked of PostgreSQL with a plain COUNT(*) (pgbench).
# Starts its own backend on port 8096 with database serambi_bench, seeds it, measures, prints a table, stops.
# Needs: wrk (apt-get install wrk), psql/pgbench (PostgreSQL), a packaged backend (built here when missing).
source "$(dirname "$0")/lib.sh"
start_app
ADMIN=$(admin_token)
TODAY=$(TZ=Asia/Makassar date +%F)
challenge() {
  local id
  id=$(api -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/challenges" -d "{\"title\":\"Bench $1\",\"audience\":\"ALL\",
    \"startsOn\":\"$TODAY\",\"endsOn\":\"$TODAY\",\"goalType\":\"PAGES\",\"goalValue\":1000,\"pointsPerPage\":1}" | json "['id']")
  api -X POST -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/challenges/$id/publish" >/dev/null
  echo "$id"
}
SMALL=$(challenge small)
LARGE=$(challenge large)
# Participants with points spread like a reading week, all of them anonymous rows (no accounts needed to rank).
seed() {
  psql "$APP_DB_URL" -q -c "
    INSERT INTO participant (challenge_id, nickname, school, points, pages, reached_at, joined_at)
    SELECT $1, 'pembaca' || g, 'Sekolah ' || (g % 40), (random() * 5000)::int, 0,
           now() - random() * interval '6 days', now() - interval '7 days'
      FROM generate_series(1, $2) g;
    ANALYZE participant;"
}
seed "$SMALL" 10000
seed "$LARGE" 100000
# One real teen per challenge, in the middle of the board, asking for "my rank".
member() {
  api "localhost:$PORT/api/auth/register" -d "{\"email\":\"teen$1@bench.serambi.id\",\"password\":\"bench-teen-password\",\"displayName\":\"Teen $1\",\"birthYear\":2010}" >/dev/null
  local token
  token=$(api "localhost:$PORT/api/auth/login" -d "{\"email\":\"teen$1@bench.serambi.id\",\"password\":\"bench-teen-password\"}" | json "['token']")
  api -H "Authorization: Bearer $token" "localhost:$PORT/api/challenges/$1/participants" -d '{"nickname":"AkuBench'"$1"'"}' >/dev/null
  api -H "Authorization: Bearer $token" "localhost:$PORT/api/challenges/$1/logs" -d "{\"title\":\"Bumi\",\"author\":\"Tere Liye\",\"pages\":500,\"readOn\":\"$TODAY\"}" >/dev/null
  echo "$token"
}
TOKEN_SMALL=$(member "$SMALL")
TOKEN_LARGE=$(member "$LARGE")
api -H "Authorization: Bearer $TOKEN_LARGE" "localhost:$PORT/api/challenges/$LARGE/leaderboard" | python3 -c "import json,sys; d=json.load(sys.stdin); print('check: large board total', d['total'], 'my rank', d['me']['rank'])"

for warm in "$SMALL $TOKEN_SMALL" "$LARGE $TOKEN_LARGE"; do # warm-up (JIT, board load)
  set -- $warm
  wrk -t2 -c32 -d5s -H "Authorization: Bearer $2" "http://localhost:$PORT/api/challenges/$1/leaderboard" >/dev/null 2>&1
done
read -r S_RPS S_P50 S_P99 S_BAD <<<"$(measure "http://localhost:$PORT/api/challenges/$SMALL/leaderboard?limit=10" "Authorization: Bearer $TOKEN_SMALL")"
read -r L_RPS L_P50 L_P99 L_BAD <<<"$(measure "http://localhost:$PORT/api/challenges/$LARGE/leaderboard?limit=10" "Authorization: Bearer $TOKEN_LARGE")"

# The reference: the same answer straight from SQL, top 10 plus COUNT(*) of those ranked above me.
ME=$(psql "$APP_DB_URL" -Atc "SELECT id FROM participant WHERE nickname = 'AkuBench$LARGE'")
SQL=$(mktemp)
cat > "$SQL" <<SQLEOF
SELECT nickname, points FROM participant WHERE challenge_id = $LARGE AND NOT hidden ORDER BY points DESC, reached_at, id LIMIT 10;
SELECT count(*) FROM participant p, participant me WHERE me.id = $ME AND p.challenge_id = $LARGE AND NOT p.hidden
   AND (p.points, me.reached_at, me.id) > (me.points, p.reached_at, p.id);
SQLEOF
PG_TPS=$(pgbench -n -c 8 -j 2 -T "${DURATION%s}" -f "$SQL" "$APP_DB_URL" 2>/dev/null \
  | awk '/^tps/ {print int($3)}')
rm -f "$SQL"

printf '\n| Leaderboard top-10 + my rank | req/s | p50 | p99 | non-2xx |\n|---|---|---|---|---|\n'
printf '| API, 10,000 participants | %s | %s | %s | %s |\n' "$S_RPS" "$S_P50" "$S_P99" "$S_BAD"
printf '| API, 100,000 participants | %s | %s | %s | %s |\n' "$L_RPS" "$L_P50" "$L_P99" "$L_BAD"
printf '| pgbench, same answer with COUNT(*), 100,000 | %s | | | |\n' "$PG_TPS"
python3 - "$S_RPS" "$L_RPS" "$PG_TPS" <<'PY'
import sys
s, l, pg = map(float, sys.argv[1:])
print(f"\nratio 100k/10k throughput: {l/s:.2f}   API(100k) / pgbench COUNT(*): {l/pg:.1f}x")
PY
