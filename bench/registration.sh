#!/usr/bin/env bash
# B2: a registration burst. 2,000 distinct patrons register for one event of capacity 300, from 100 concurrent
# clients (bench/load.mjs); exactly 300 must be confirmed and none may fail. References in the same run, each against
# its own event of capacity 300: pgbench sending the SQL of one patron registering alone (bench/sql/registration.sql)
# 2,000 times with as many connections as the app's pool (20); and pgbench sending the SQL of 20 patrons registering
# together, as the app's claim line sends them (bench/sql/registration-batch.sh: 20 lookups, one claim statement for
# the 20, one read of the positions) 100 times on one connection, as the line keeps one claim in flight per event.
# Needs: node, psql/pgbench (PostgreSQL), a packaged backend (built here when missing).
source "$(dirname "$0")/lib.sh"
need node "Node 20"
REGISTRATIONS=${BENCH_REGISTRATIONS:-2000}
CLIENTS=${BENCH_CLIENTS:-100}
CAPACITY=300
POOL=${QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE:-20}
start_app
ADMIN=$(admin_token)
event() {
  local start end id
  start=$(date -u -d "+7 days" +%FT11:00:00Z)
  end=$(date -u -d "+7 days" +%FT12:30:00Z)
  id=$(api -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/events" -d "{\"title\":\"Bedah Buku $1\",
    \"description\":\"Bedah buku bersama penulis.\",\"type\":\"BOOK_DISCUSSION\",\"audience\":\"ALL\",\"language\":\"id\",
    \"startsAt\":\"$start\",\"endsAt\":\"$end\",\"platform\":\"ZOOM\",\"joinUrl\":\"https://zoom.us/j/8123456$RANDOM\",
    \"capacity\":$CAPACITY}" | json "['id']")
  api -X POST -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/events/$id/publish" >/dev/null
  echo "$id"
}
WARM=$(event pemanasan)
APP_EVENT=$(event burst)
PG_EVENT=$(event pgbench)
PG_BATCH_EVENT=$(event pgbench-rombongan)
BATCH=${BENCH_PGBENCH_BATCH:-20}
BATCH_SQL=$(mktemp /tmp/serambi-batch.XXXXXX.sql)
bench/sql/registration-batch.sh "$BATCH" > "$BATCH_SQL"
node bench/load.mjs burst "http://127.0.0.1:$PORT/api/events/$WARM/registrations" "${BENCH_WARMUP:-10000}" "$CLIENTS" >/dev/null # warm-up (JIT)
# A live database has statistics (autovacuum analyses tables as they grow); this one was created a minute ago.
psql "$APP_DB_URL" -qc "ANALYZE"
load_note
BURST=$(node bench/load.mjs burst "http://127.0.0.1:$PORT/api/events/$APP_EVENT/registrations" "$REGISTRATIONS" "$CLIENTS")
PG_OUT=$(pgbench -n -M prepared -c "$POOL" -j 2 -t $((REGISTRATIONS / POOL)) -D event="$PG_EVENT" -f bench/sql/registration.sql "$APP_DB_URL" 2>&1)
PG_BATCH_OUT=$(pgbench -n -M prepared -c 1 -t $((REGISTRATIONS / BATCH)) -D event="$PG_BATCH_EVENT" -f "$BATCH_SQL" "$APP_DB_URL" 2>&1)
rm -f "$BATCH_SQL"
counts() {
  psql "$APP_DB_URL" -Atc "SELECT count(*) FILTER (WHERE status = 'CONFIRMED') || ' ' || count(*) FILTER (WHERE status = 'WAITLISTED')
    || ' ' || (SELECT confirmed_count FROM event WHERE id = $1) FROM registration WHERE event_id = $1"
}
read -r A_CONF A_WAIT A_COUNT <<<"$(counts "$APP_EVENT")"
read -r P_CONF P_WAIT P_COUNT <<<"$(counts "$PG_EVENT")"
read -r B_CONF B_WAIT B_COUNT <<<"$(counts "$PG_BATCH_EVENT")"
PG_BATCH_RATE=$(awk -v b="$BATCH" '/^tps/ {print int($3 * b)}' <<<"$PG_BATCH_OUT")
PG_BATCH_FAILED=$(awk '/number of failed transactions/ {print $5}' <<<"$PG_BATCH_OUT")
PG_TPS=$(awk '/^tps/ {print int($3)}' <<<"$PG_OUT")
PG_LAT=$(awk '/latency average/ {print $4}' <<<"$PG_OUT")
PG_FAILED=$(awk '/number of failed transactions/ {print $5}' <<<"$PG_OUT")

python3 - "$BURST" "$PG_TPS" "$PG_LAT" "${PG_FAILED:-0}" "$A_CONF" "$A_WAIT" "$A_COUNT" "$P_CONF" "$P_WAIT" "$P_COUNT" "$CAPACITY" \
  "$PG_BATCH_RATE" "${PG_BATCH_FAILED:-0}" "$B_CONF" "$B_WAIT" "$BATCH" <<'PY'
import json, sys
b = json.loads(sys.argv[1])
pg_tps, pg_lat, pg_failed = float(sys.argv[2]), sys.argv[3], sys.argv[4]
a_conf, a_wait, a_count, p_conf, p_wait, p_count, cap = map(int, sys.argv[5:12])
batch_rate, batch_failed, b_conf, b_wait, batch = int(sys.argv[12]), sys.argv[13], int(sys.argv[14]), int(sys.argv[15]), int(sys.argv[16])
errors = sum(n for s, n in b["statuses"].items() if s not in ("201", "200"))
print("\n| B2 registration burst | registrations/s | p50 | p99 | max | confirmed | waitlisted | errors |")
print("|---|---|---|---|---|---|---|---|")
print(f"| API, {b['count']} patrons, 100 clients | {b['rate']} | {b['p50']} ms | {b['p99']} ms | {b['max']} ms | {a_conf} | {a_wait} | {errors} |")
print(f"| pgbench, one patron's SQL, 20 connections | {int(pg_tps)} | avg {pg_lat} ms | | | {p_conf} | {p_wait} | {pg_failed} |")
print(f"| pgbench, {batch} patrons' SQL together, 1 connection | {batch_rate} | | | | {b_conf} | {b_wait} | {batch_failed} |")
ok_count = a_conf == cap and a_count == cap and errors == 0
for outcome, l in sorted(b.get("latency", {}).items()):
    print(f"| API, the {l['count']} answered {outcome} | | {l['p50']} ms | {l['p99']} ms | {l['max']} ms | | | |")
print(f"\nstatuses {b['statuses']}, answers {b['outcomes']}; event confirmed_count {a_count}")
print(f"exactly {cap} confirmed, 0 errors: {'met' if ok_count else 'NOT met'}")
ratio = b["rate"] / pg_tps
print(f"ratio API/pgbench, one patron's SQL: {ratio:.2f} (target >= 0.5: {'met' if ratio >= 0.5 else 'NOT met'})")
ratio = b["rate"] / batch_rate
print(f"ratio API/pgbench, {batch} patrons' SQL together: {ratio:.2f} (target >= 0.5: {'met' if ratio >= 0.5 else 'NOT met'})")
print(f"p99 {b['p99']} ms (target <= 100 ms: {'met' if b['p99'] <= 100 else 'NOT met'})")
PY
