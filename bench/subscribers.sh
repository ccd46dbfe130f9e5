#!/usr/bin/env bash
# B4: 2,000 concurrent subscribers of one leaderboard's SSE stream (bench/load.mjs), then one new reading log; every
# subscriber must get the new board (p99 <= 1 s from posting the log), and the app's resident memory per subscriber
# must stay <= 20 KB (RSS with all subscribers connected minus RSS before, over the count).
# Needs: node, psql, a packaged backend.
source "$(dirname "$0")/lib.sh"
need node "Node 20"
SUBSCRIBERS=${BENCH_SUBSCRIBERS:-2000}
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -gt $((SUBSCRIBERS * 2 + 200)) ] || { echo "ulimit -n $(ulimit -n) is too low for $SUBSCRIBERS subscribers" >&2; exit 1; }
start_app
ADMIN=$(admin_token)
TODAY=$(TZ=Asia/Makassar date +%F)
CH=$(api -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/challenges" -d "{\"title\":\"Bench live\",\"audience\":\"ALL\",
  \"startsOn\":\"$TODAY\",\"endsOn\":\"$TODAY\",\"goalType\":\"PAGES\",\"goalValue\":1000,\"pointsPerPage\":1}" | json "['id']")
api -X POST -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/challenges/$CH/publish" >/dev/null
psql "$APP_DB_URL" -q -v ON_ERROR_STOP=1 -v challenge="$CH" -v participants=1000 -v logs=0 -f bench/sql/leaderboard-seed.sql
api "localhost:$PORT/api/auth/register" -d '{"email":"teen.live@bench.serambi.id","password":"bench-teen-password","displayName":"Teen Live","birthYear":2010}' >/dev/null
TOKEN=$(api "localhost:$PORT/api/auth/login" -d '{"email":"teen.live@bench.serambi.id","password":"bench-teen-password"}' | json "['token']")
api -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/challenges/$CH/participants" -d '{"nickname":"AkuLive"}' >/dev/null
STREAM="http://127.0.0.1:$PORT/api/challenges/$CH/leaderboard/stream?limit=10"
# Warm-up: a few hundred subscribers come and go, and a log moves the board, so the path is compiled before measuring.
BENCH_WARM=1 node bench/load.mjs sse "$STREAM" 200 "curl -s --fail-with-body -H 'Content-Type: application/json' -H 'Authorization: Bearer $TOKEN' localhost:$PORT/api/challenges/$CH/logs -d '{\"title\":\"Laskar Pelangi\",\"author\":\"Andrea Hirata\",\"pages\":20,\"readOn\":\"$TODAY\"}'" >/dev/null
sleep 2
RSS_BEFORE=$(rss_kb)
RSS_FILE=$(mktemp)
load_note
RESULT=$(LOAD_SSE_READY="awk '/VmRSS/ {print \$2}' /proc/$APP/status > $RSS_FILE" node bench/load.mjs sse "$STREAM" "$SUBSCRIBERS" \
  "curl -s --fail-with-body -H 'Content-Type: application/json' -H 'Authorization: Bearer $TOKEN' localhost:$PORT/api/challenges/$CH/logs -d '{\"title\":\"Bumi\",\"author\":\"Tere Liye\",\"pages\":400,\"readOn\":\"$TODAY\"}'")
RSS_WITH=$(cat "$RSS_FILE")
rm -f "$RSS_FILE"
python3 - "$RESULT" "$RSS_BEFORE" "$RSS_WITH" "$SUBSCRIBERS" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
before, with_, n = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print("\n| B4 SSE subscribers, one new log | subscribers | updated | p50 | p99 | p99.9 | max | failures | RSS before | RSS with subscribers |")
print("|---|---|---|---|---|---|---|---|---|---|")
print(f"| leaderboard stream | {r['subscribers']} | {r['updated']} | {r['p50']} ms | {r['p99']} ms | {r['p999']} ms | {r['max']} ms | {r['failures'] or 0} | {before // 1024} MB | {with_ // 1024} MB |")
per = (with_ - before) / n
a = r["afterAnswer"]
print(f"\nthe log's POST took {r['triggerMs']} ms; counted from its answer: p50 {a['p50']} ms, p99 {a['p99']} ms, max {a['max']} ms")
print(f"all {n} connected in {r['connectSeconds']} s; every subscriber updated: {'yes' if r['updated'] == n else 'NO'}")
print(f"p99 {r['p99']} ms (target <= 1000 ms: {'met' if r['updated'] == n and r['p99'] <= 1000 else 'NOT met'})")
print(f"memory per subscriber: {per:.1f} KB (target <= 20 KB: {'met' if per <= 20 else 'NOT met'})")
PY
