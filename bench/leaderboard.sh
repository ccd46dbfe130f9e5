#!/usr/bin/env bash
# B3: the leaderboard's top 10 plus "my rank" (a member's token, so every request also resolves "me"), served from
# the in-memory board. The main board has 100,000 participants and 1,000,000 reading logs; the same endpoint is
# measured at 10,000 and 1,000,000 participants (random points). In the same run: a fixed arrival rate of 500 req/s
# (bench/load.mjs, latency from the planned start), wrk's maximum rate, and pgbench asking PostgreSQL the same
# question (bench/sql/leaderboard.sql). Needs: wrk, node, psql/pgbench, a packaged backend.
source "$(dirname "$0")/lib.sh"
need node "Node 20"
need wrk "apt-get install -y wrk"
RATE=${BENCH_RATE:-500}
SIZES=${BENCH_BOARD_SIZES:-"10000 100000 1000000"}
MAIN=100000
LOGS=${BENCH_LOGS:-1000000}
start_app
ADMIN=$(admin_token)
TODAY=$(TZ=Asia/Makassar date +%F)
WEEK_AGO=$(TZ=Asia/Makassar date -d '-7 days' +%F)
challenge() {
  local id
  id=$(api -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/challenges" -d "{\"title\":\"Bench $1\",\"audience\":\"ALL\",
    \"startsOn\":\"$WEEK_AGO\",\"endsOn\":\"$TODAY\",\"goalType\":\"PAGES\",\"goalValue\":1000,\"pointsPerPage\":1}" | json "['id']")
  api -X POST -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/challenges/$id/publish" >/dev/null
  echo "$id"
}
# One real teen per challenge asks for "my rank"; they log once, so they sit somewhere in the middle.
member() {
  api "localhost:$PORT/api/auth/register" -d "{\"email\":\"teen$1@bench.serambi.id\",\"password\":\"bench-teen-password\",\"displayName\":\"Teen $1\",\"birthYear\":2010}" >/dev/null
  local token
  token=$(api "localhost:$PORT/api/auth/login" -d "{\"email\":\"teen$1@bench.serambi.id\",\"password\":\"bench-teen-password\"}" | json "['token']")
  api -H "Authorization: Bearer $token" "localhost:$PORT/api/challenges/$1/participants" -d '{"nickname":"AkuBench'"$1"'"}' >/dev/null
  api -H "Authorization: Bearer $token" "localhost:$PORT/api/challenges/$1/logs" -d "{\"title\":\"Bumi\",\"author\":\"Tere Liye\",\"pages\":300,\"readOn\":\"$TODAY\"}" >/dev/null
  echo "$token"
}
declare -A CH TOKEN
for n in $SIZES; do
  CH[$n]=$(challenge "$n")
  started=$(date +%s)
  logs=0
  [ "$n" = "$MAIN" ] && logs=$LOGS
  psql "$APP_DB_URL" -q -v ON_ERROR_STOP=1 -v challenge="${CH[$n]}" -v participants="$n" -v logs="$logs" -f bench/sql/leaderboard-seed.sql
  echo "seeded $n participants, $logs logs in $(( $(date +%s) - started )) s"
  TOKEN[$n]=$(member "${CH[$n]}")
done
for n in $SIZES; do # warm-up: JIT, and each board loads into memory once
  wrk -t2 -c16 -d5s -H "Authorization: Bearer ${TOKEN[$n]}" "http://localhost:$PORT/api/challenges/${CH[$n]}/leaderboard?limit=10" >/dev/null 2>&1
done
api -H "Authorization: Bearer ${TOKEN[$MAIN]}" "localhost:$PORT/api/challenges/${CH[$MAIN]}/leaderboard?limit=10" \
  | python3 -c "import json,sys; d=json.load(sys.stdin); print('check: main board', d['total'], 'participants; my rank', d['me']['rank'])"
# The load client warms up too, at the measured rate, so that the first board measured does not pay for it.
FIRST=${SIZES%% *}
node bench/load.mjs rate "http://127.0.0.1:$PORT/api/challenges/${CH[$FIRST]}/leaderboard?limit=10" "$RATE" 5 "Authorization: Bearer ${TOKEN[$FIRST]}" >/dev/null
load_note
declare -A FIXED
for n in $SIZES; do
  FIXED[$n]=$(node bench/load.mjs rate "http://127.0.0.1:$PORT/api/challenges/${CH[$n]}/leaderboard?limit=10" "$RATE" "${DURATION%s}" "Authorization: Bearer ${TOKEN[$n]}")
done
read -r M_RPS M_P50 M_P99 M_BAD M_P999 <<<"$(measure "http://localhost:$PORT/api/challenges/${CH[$MAIN]}/leaderboard?limit=10" "Authorization: Bearer ${TOKEN[$MAIN]}")"
ME=$(psql "$APP_DB_URL" -Atc "SELECT id FROM participant WHERE nickname = 'AkuBench${CH[$MAIN]}'")
PG_TPS=$(pgbench -n -c 8 -j 2 -T "${DURATION%s}" -D challenge="${CH[$MAIN]}" -D me="$ME" -f bench/sql/leaderboard.sql "$APP_DB_URL" 2>/dev/null \
  | awk '/^tps/ {print int($3)}')
LOG_COUNT=$(psql "$APP_DB_URL" -Atc "SELECT count(*) FROM reading_log")
FIXED_JSON=$(for n in $SIZES; do echo "$n ${FIXED[$n]}"; done)
python3 - "$RATE" "$M_RPS" "$M_P50" "$M_P99" "$M_BAD" "${PG_TPS:-0}" "$MAIN" "$LOG_COUNT" "$FIXED_JSON" "$M_P999" <<'PY'
import json, sys
rate, m_rps, m_p50, m_p99, m_bad, pg, main, logs, fixed, m_p999 = sys.argv[1:]
rows = {}
for line in fixed.strip().splitlines():
    n, j = line.split(" ", 1)
    rows[int(n)] = json.loads(j)
print(f"\n| B3 top-10 + my rank, fixed {rate} req/s | achieved req/s | p50 | p99 | p99.9 | max | non-200 |")
print("|---|---|---|---|---|---|---|")
for n, r in sorted(rows.items()):
    bad = sum(c for s, c in r["statuses"].items() if s != "200")
    print(f"| {n:,} participants{' + ' + format(int(logs), ',') + ' logs in the database' if n == int(main) else ''} | {r['rate']} | {r['p50']} ms | {r['p99']} ms | {r['p999']} ms | {r['max']} ms | {bad} |")
print("\n| B3 maximum rate, main board | req/s | p50 | p99 | p99.9 | non-2xx |\n|---|---|---|---|---|---|")
print(f"| API (wrk, 32 connections) | {m_rps} | {m_p50} | {m_p99} | {m_p999} | {m_bad} |")
print(f"| pgbench, same answer in SQL (8 clients) | {pg} | | | | |")
m = rows[int(main)]
print(f"\np99 at {rate} req/s on the main board: {m['p99']} ms (target <= 20 ms: {'met' if m['p99'] <= 20 else 'NOT met'})")
ratio = float(m_rps) / float(pg) if float(pg) else float('inf')
print(f"ratio API/pgbench: {ratio:.2f} (target >= 0.5: {'met' if ratio >= 0.5 else 'NOT met'})")
if 10000 in rows and 1000000 in rows:
    for k in ("p50", "p99"):
        r = rows[1000000][k] / rows[10000][k]
        print(f"{k} at 1,000,000 / at 10,000: {r:.2f} (target <= 1.5: {'met' if r <= 1.5 else 'NOT met'})")
PY
