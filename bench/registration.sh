#!/usr/bin/env bash
# B2: a registration burst. 2,000 distinct patrons register for one event of capacity 300, from 100 concurrent
# clients (bench/load.mjs); exactly 300 must be confirmed and none may fail. References in the same run, each against
# its own event of capacity 300: pgbench sending the SQL of one patron registering alone (bench/sql/registration.sql)
# 2,000 times with as many connections as the app's pool (20); and pgbench sending the SQL of 20 patrons registering
# together, as the app's claim line sends them (bench/sql/registration-batch.sh: 20 lookups, one claim statement for
# the 20, one read of the positions) 100 times on one connection, as the line keeps one claim in flight per event.
# After BENCH_WARMUP_ROUNDS (20) bursts to warm up, BENCH_ROUNDS (5) rounds of the three, side by side; the table gives each round and the medians.
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
BATCH=${BENCH_PGBENCH_BATCH:-20}
ROUNDS=${BENCH_ROUNDS:-5}
BATCH_SQL=$(mktemp /tmp/serambi-batch.XXXXXX.sql)
ROUND_LOG=$(mktemp /tmp/serambi-rounds.XXXXXX.jsonl)
trap 'rm -f "$BATCH_SQL" "$ROUND_LOG"; stop_app' EXIT
bench/sql/registration-batch.sh "$BATCH" > "$BATCH_SQL"
# Warm-up (the JIT): the measured work itself, bursts on fresh events with seats to take. Fewer are not enough here:
# after one burst of 10,000 on one event, or after 6 bursts, the compiler (C2) still compiled 500-1,000 methods of
# the request path during the measured rounds, and each round ran faster than the one before (3,100 -> 6,000/s).
for round in $(seq 1 "${BENCH_WARMUP_ROUNDS:-20}"); do
  node bench/load.mjs burst "http://127.0.0.1:$PORT/api/events/$(event "pemanasan $round")/registrations" "$REGISTRATIONS" "$CLIENTS" >/dev/null
done
# A live database has statistics (autovacuum analyses tables as they grow); this one was created a minute ago.
psql "$APP_DB_URL" -qc "ANALYZE event, registration, registration_token"
counts() {
  psql "$APP_DB_URL" -Atc "SELECT json_build_object('confirmed', count(*) FILTER (WHERE status = 'CONFIRMED'),
    'waitlisted', count(*) FILTER (WHERE status = 'WAITLISTED'), 'counter', (SELECT confirmed_count FROM event WHERE id = $1))
    FROM registration WHERE event_id = $1"
}
load_note
# The burst lasts under a second and the batched pgbench a third of one: a few rounds, each with the three side by
# side on events of their own, and the medians.
for round in $(seq 1 "$ROUNDS"); do
  APP_EVENT=$(event "burst $round")
  PG_EVENT=$(event "pgbench $round")
  PG_BATCH_EVENT=$(event "pgbench-rombongan $round")
  BURST=$(node bench/load.mjs burst "http://127.0.0.1:$PORT/api/events/$APP_EVENT/registrations" "$REGISTRATIONS" "$CLIENTS")
  PG_OUT=$(pgbench -n -M prepared -c "$POOL" -j 2 -t $((REGISTRATIONS / POOL)) -D event="$PG_EVENT" -f bench/sql/registration.sql "$APP_DB_URL" 2>&1)
  PG_BATCH_OUT=$(pgbench -n -M prepared -c 1 -t $((REGISTRATIONS / BATCH)) -D event="$PG_BATCH_EVENT" -f "$BATCH_SQL" "$APP_DB_URL" 2>&1)
  printf '{"burst": %s, "app": %s, "pg": %s, "pg_batch": %s, "pg_tps": %s, "pg_failed": %s, "batch_tps": %s, "batch_failed": %s}\n' \
    "$BURST" "$(counts "$APP_EVENT")" "$(counts "$PG_EVENT")" "$(counts "$PG_BATCH_EVENT")" \
    "$(awk '/^tps/ {print $3}' <<<"$PG_OUT")" "$(awk '/number of failed transactions/ {print $5}' <<<"$PG_OUT")" \
    "$(awk '/^tps/ {print $3}' <<<"$PG_BATCH_OUT")" "$(awk '/number of failed transactions/ {print $5}' <<<"$PG_BATCH_OUT")" >> "$ROUND_LOG"
done

python3 - "$ROUND_LOG" "$CAPACITY" "$BATCH" "$REGISTRATIONS" "$CLIENTS" "$POOL" <<'PY'
import json, statistics, sys
rounds = [json.loads(line) for line in open(sys.argv[1])]
cap, batch, total, clients, pool = map(int, sys.argv[2:7])
median = statistics.median
print(f"\n| B2 registration burst, round | API registrations/s | p50 | p99 | max | confirmed | waitlisted | errors "
      f"| pgbench one patron's SQL, {pool} connections | pgbench {batch} patrons' SQL, 1 connection | ratio to one | ratio to {batch} |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
ok = True
for i, r in enumerate(rounds, 1):
    b = r["burst"]
    r["errors"] = sum(n for s, n in b["statuses"].items() if s != "202")
    r["pg_rate"] = float(r["pg_tps"])
    r["batch_rate"] = float(r["batch_tps"]) * batch
    r["one"] = b["rate"] / r["pg_rate"]
    r["many"] = b["rate"] / r["batch_rate"]
    ok = ok and r["app"]["confirmed"] == cap and r["app"]["counter"] == cap and r["errors"] == 0
    for ref in ("pg", "pg_batch"):
        ok = ok and r[ref]["confirmed"] == cap
    print(f"| {i} | {b['rate']} | {b['p50']} ms | {b['p99']} ms | {b['max']} ms | {r['app']['confirmed']} "
          f"| {r['app']['waitlisted']} | {r['errors']} | {r['pg_rate']:.0f} (failed {r['pg_failed'] or 0}) "
          f"| {r['batch_rate']:.0f} (failed {r['batch_failed'] or 0}) | {r['one']:.2f} | {r['many']:.2f} |")
rate = median(r["burst"]["rate"] for r in rounds)
p99 = median(r["burst"]["p99"] for r in rounds)
one, many = median(r["one"] for r in rounds), median(r["many"] for r in rounds)
print(f"| **median** | **{rate:.0f}** | {median(r['burst']['p50'] for r in rounds)} ms | **{p99} ms** | | | | "
      f"| {median(r['pg_rate'] for r in rounds):.0f} | {median(r['batch_rate'] for r in rounds):.0f} | **{one:.2f}** | **{many:.2f}** |")
last = rounds[-1]["burst"]
for outcome, l in sorted(last.get("latency", {}).items()):
    print(f"last round, the {l['count']} answered {outcome}: p50 {l['p50']} ms, p99 {l['p99']} ms, max {l['max']} ms")
print(f"\n{total} patrons from {clients} clients a round, capacity {cap}; statuses of the last round {last['statuses']}")
print(f"exactly {cap} confirmed (and the event's counter {cap}) in every round, 0 errors: {'met' if ok else 'NOT met'}")
print(f"median ratio API/pgbench, one patron's SQL: {one:.2f} (target >= 0.5: {'met' if one >= 0.5 else 'NOT met'})")
print(f"median ratio API/pgbench, {batch} patrons' SQL together: {many:.2f} (target >= 0.5: {'met' if many >= 0.5 else 'NOT met'})")
print(f"median p99 {p99} ms (target <= 100 ms: {'met' if p99 <= 100 else 'NOT met'})")
PY
