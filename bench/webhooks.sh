#!/usr/bin/env bash
# B9 (issue 18): 10,000 WhatsApp webhook deliveries in one minute, a tenth of them repeats, on two instances of the
# packaged backend sharing one database, while an inbox page is open on each instance (its SSE stream). Wanted: none
# lost, none doubled (checked in the database), and each new message announced on both inbox pages within 1 s at p99
# (from sending the delivery to the stream's event on each instance).
# BENCH_DELIVERIES (10000), BENCH_SECONDS (60), BENCH_PORT_B (BENCH_PORT + 1).
# Needs: node, psql, a packaged backend.
source "$(dirname "$0")/lib.sh"
need node "Node 20"
DELIVERIES=${BENCH_DELIVERIES:-10000}
SECONDS_=${BENCH_SECONDS:-60}
PORT_B=${BENCH_PORT_B:-$((PORT + 1))}
PHONE_NUMBER_ID=106540352242922
SECRET=bench-whatsapp-app-secret
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

psql "$ADMIN_URL" -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER serambi" 2>/dev/null
# Two instances: the first migrates the empty database. WhatsApp receives only (no access token: nothing is sent).
launch() { # port
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  QUARKUS_HTTP_PORT=$1 QUARKUS_MANAGEMENT_PORT=$(($1 + 1000)) QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB SERAMBI_DEMO_ENABLED=false \
  SERAMBI_ADMIN_EMAIL=bench-admin@serambi.id SERAMBI_ADMIN_PASSWORD=bench-admin-password \
  SERAMBI_PUBLIC_URL=http://localhost:$1 SERAMBI_JWT_KEY_ENCRYPTION_KEY=YmVuY2gtb25seS1rZXktbmV2ZXItaW4tcHJvZC0zMmI= \
  SERAMBI_SURVEYS_FORM_SECRET=YmVuY2gtb25seS1zdXJ2ZXktZm9ybS1zZWNyZXQtbm90LXJlYWw= \
  SERAMBI_WHATSAPP_PHONE_NUMBER_ID=$PHONE_NUMBER_ID SERAMBI_WHATSAPP_APP_SECRET=$SECRET \
    "$JAVA" $JAVA_OPTS -jar "$JAR" > "/tmp/serambi-bench-app-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 1500); do curl -sf "localhost:$(($1 + 1000))/q/health/ready" >/dev/null && return 0; sleep 0.1; done
  echo "the app on $1 did not start; see /tmp/serambi-bench-app-$1.log" >&2; exit 1
}
launch "$PORT"
launch "$PORT_B"
TOKEN=$(admin_token)
OUT=$(mktemp)
# Warm-up: 600 deliveries in 10 s, then a clean slate (the measured run starts from an empty inbox).
node bench/webhooks.mjs "$OUT" "http://127.0.0.1:$PORT" "http://127.0.0.1:$PORT_B" "$TOKEN" "$SECRET" "$PHONE_NUMBER_ID" 600 10 >/dev/null
psql "$APP_DB_URL" -q -c "TRUNCATE conversation_thread CASCADE"
sleep 2
load_note
SUMMARY=$(node bench/webhooks.mjs "$OUT" "http://127.0.0.1:$PORT" "http://127.0.0.1:$PORT_B" "$TOKEN" "$SECRET" "$PHONE_NUMBER_ID" "$DELIVERIES" "$SECONDS_")
echo "$SUMMARY"
THREADS=$(mktemp)
psql "$APP_DB_URL" -Atq -F, -c "SELECT t.id, t.contact_id, count(m.id), count(DISTINCT m.external_id)
  FROM conversation_thread t LEFT JOIN conversation_message m ON m.thread_id = t.id WHERE t.channel = 'WHATSAPP' GROUP BY t.id" > "$THREADS"
python3 - "$OUT" "$THREADS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
threads = [l.split(",") for l in open(sys.argv[2]).read().split()]
by_number = {number: (int(tid), int(msgs), int(distinct)) for tid, number, msgs, distinct in threads}
sent = r["sentAt"]
lost = [n for n in sent if n not in by_number]
doubled = sum(1 for (_, msgs, distinct) in by_number.values() if msgs != 1 or distinct != 1)
messages = sum(msgs for (_, msgs, _) in by_number.values())
latencies, missing = [], 0
for number, at in sent.items():
    if number not in by_number:
        continue
    tid = str(by_number[number][0])
    for page in r["announced"]:
        if tid in page:
            latencies.append(page[tid] - at)
        else:
            missing += 1
latencies.sort()
def p(q):
    return latencies[min(len(latencies) - 1, max(0, -(-q * len(latencies) // 100) - 1))] if latencies else float("nan")
ok = r["statuses"].get("200", 0)
print("\n| B9 webhook deliveries, two instances | value |")
print("|---|---|")
print(f"| deliveries sent (new + repeats) | {r['unique'] + r['repeats']} ({r['unique']} + {r['repeats']}) in {r['seconds']:.1f} s |")
print(f"| answered 200 | {ok} (others: {dict((k, v) for k, v in r['statuses'].items() if k != '200') or 'none'}) |")
print(f"| messages stored / threads | {messages} / {len(by_number)} |")
print(f"| lost (sent, not stored) | {len(lost)} |")
print(f"| doubled (a thread with more than its one message) | {doubled} |")
print(f"| inbox pages told (2 per message) | {len(latencies)} of {2 * len(sent)} (never: {missing}) |")
print(f"| delivery → inbox page event p50 / p99 / max | {p(50):.0f} ms / {p(99):.0f} ms / {latencies[-1]:.0f} ms |")
met = not lost and doubled == 0 and missing == 0 and ok == r["unique"] + r["repeats"] and p(99) <= 1000
print(f"\nB9 {'met' if met else 'NOT met'}: none lost, none doubled, p99 <= 1000 ms")
sys.exit(0 if met else 1)
PY
