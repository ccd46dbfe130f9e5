#!/usr/bin/env bash
# SCALING.md: how many notifications one LISTEN connection receives a second, and what the queue does when the
# listener is slower than the senders. The app listens on one connection per instance (common/PgNotifications) and
# every live feature (catalogue, leaderboard, notifications, inbox, assistant) NOTIFYs at commit.
# Round 1, per payload size (the app's own: the catalogue's empty one, a leaderboard announcement of ~120 bytes, an
# inbox batch of 500 ids ~3,500 bytes, and the 8,000-byte limit): pgbench (BENCH_NOTIFY_CLIENTS, 4) sends one NOTIFY
# per transaction as fast as it can for BENCH_NOTIFY_SECONDS (10) while bench/notify/Listener.java counts them and
# times each from its send. Verdict: every notification received (none lost).
# Round 2: the same with 1 and with BENCH_NOTIFY_LISTENERS (4) listening connections (N app instances).
# Round 3: a listening session stuck in a transaction under the same senders; the queue's share
# (pg_notification_queue_usage(), of 8 GB) is sampled each second and the time to fill it projected.
# Needs: pgbench, psql, java, the packaged backend (its PostgreSQL JDBC driver). Database: BENCH_DB (serambi_bench_notify).
export BENCH_DB=${BENCH_DB:-serambi_bench_notify}
source "$(dirname "$0")/lib.sh"
need pgbench "apt-get install -y postgresql-client"
SECONDS_EACH=${BENCH_NOTIFY_SECONDS:-10}
CLIENTS=${BENCH_NOTIFY_CLIENTS:-4}
DRIVER=$(ls backend/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -1)
JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=serambi&password=serambi"
OUT=$(mktemp -d)
LISTENER=
MANY=()
cleanup() {
  [ -z "$LISTENER" ] || kill "$LISTENER" 2>/dev/null || true
  for p in "${MANY[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$OUT"
}
trap cleanup EXIT
psql "$ADMIN_URL" -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER serambi" 2>/dev/null
# Compiles the listener once (java runs a single source file, compiling it on each start: 1-2 s).
listen() { # seconds micros_per_notification -> starts the listener in the background, waits until it listens
  java -cp "$DRIVER" bench/notify/Listener.java "$JDBC_URL" bench "$1" "$2" > "$OUT/listener" 2>&1 &
  LISTENER=$!
  for _ in $(seq 1 200); do grep -q listening "$OUT/listener" && return 0; sleep 0.1; done
  echo "the listener did not start: $(cat "$OUT/listener")" >&2; exit 1
}
send() { # payload_size seconds -> pgbench's transactions (= notifications sent)
  pgbench -n -M prepared -c "$CLIENTS" -j 2 -T "$2" -D size="$1" -f bench/notify/notify.sql "$APP_DB_URL" 2>&1 |
    awk '/number of transactions actually processed/ {split($NF, a, "/"); print a[1]}'
}

load_note
echo
echo "| payload | sent (pgbench, $CLIENTS clients, ${SECONDS_EACH} s) | received by one LISTEN connection | per second | send → receive p50 / p99 / max | not received 6 s after | load (1 min) |"
echo "|---|---|---|---|---|---|---|"
verdict=met
for size in 16 120 3500 7990; do
  listen $((SECONDS_EACH + 6)) 0
  sent=$(send "$size" "$SECONDS_EACH")
  load=$(cut -d' ' -f1 /proc/loadavg)
  wait "$LISTENER"; LISTENER=
  read -r _ received _ _ _ p50 _ p99 _ max < <(grep '^total' "$OUT/listener")
  lost=$((sent - received))
  [ "$lost" -eq 0 ] || verdict="NOT met"
  printf '| %s bytes | %s | %s | %s/s | %s / %s / %s ms | %s | %s |\n' "$size" "$sent" "$received" \
    $((received / SECONDS_EACH)) "$p50" "$p99" "$max" "$lost" "$load"
done
echo
echo "none lost at any payload size: $verdict"

# Round 2: the same senders (120-byte payloads) with 1 and with BENCH_NOTIFY_LISTENERS (4) listening connections, as
# N app instances would listen: each notification is read by every listener, so PostgreSQL's work grows with N.
N_LISTENERS=${BENCH_NOTIFY_LISTENERS:-4}
echo
echo "| listening connections (120-byte payloads, $SECONDS_EACH s) | sent (notifying commits/s) | received by each (min) | load (1 min) |"
echo "|---|---|---|---|"
for n in 1 "$N_LISTENERS"; do
  MANY=()
  for i in $(seq 1 "$n"); do
    java -cp "$DRIVER" bench/notify/Listener.java "$JDBC_URL" bench $((SECONDS_EACH + 8)) 0 > "$OUT/many-$i" 2>&1 &
    MANY+=($!)
  done
  for i in $(seq 1 "$n"); do
    for _ in $(seq 1 300); do grep -q listening "$OUT/many-$i" && break; sleep 0.1; done
  done
  sent=$(send 120 "$SECONDS_EACH")
  load=$(cut -d' ' -f1 /proc/loadavg)
  for p in "${MANY[@]}"; do wait "$p" || true; done
  MANY=()
  least=$(for i in $(seq 1 "$n"); do awk '/^total/ {print $2}' "$OUT/many-$i"; done | sort -n | head -1)
  printf '| %s | %s/s | %s of %s | %s |\n' "$n" $((sent / SECONDS_EACH)) "$least" "$sent" "$load"
done

# Round 3: a listener stuck in a transaction (an instance frozen mid-transaction, or a session left "idle in
# transaction"): it delivers nothing until it commits, and the queue cannot be truncated past it. Meanwhile the
# pgjdbc listener above keeps receiving (a live instance). A listener that is merely slow does not fill the queue:
# its driver reads every notification off the socket into its own memory (pgjdbc, and Vert.x's PgSubscriber alike).
STUCK_S=$((SECONDS_EACH * 2))
echo
echo "a listener stuck in a transaction, the senders at full speed for $STUCK_S s, 3,500-byte payloads:"
listen $((STUCK_S + 150)) 0
psql "$APP_DB_URL" -q -c "LISTEN bench" -c "BEGIN" -c "SELECT pg_sleep($STUCK_S + 4)" -c "COMMIT" >/dev/null 2>&1 &
STUCK=$!
sleep 1
( send 3500 "$STUCK_S" > "$OUT/slow-sent" ) &
SENDER=$!
echo "| seconds | senders | pg_notification_queue_usage() | of 8 GB | received by the live listener |"
echo "|---|---|---|---|---|"
t0=$(date +%s%N)
peak=0; peak_t=1; drained=no
sample() { # -> prints a row; sets u, t and received
  u=$(psql "$APP_DB_URL" -Atc "SELECT pg_notification_queue_usage()")
  received=$(awk 'NF == 3 {t = $3} END {print t + 0}' "$OUT/listener")
  t=$(python3 -c "print(round(($(date +%s%N) - $t0) / 1e9, 1))")
  printf '| %s | %s | %.6f | %s MB | %s |\n' "$t" "$1" "$u" "$(python3 -c "print(round($u * 8192, 1))")" "$received"
}
while kill -0 "$SENDER" 2>/dev/null; do
  sample sending
  python3 -c "import sys; sys.exit(0 if $u > $peak else 1)" && { peak=$u; peak_t=$t; }
  sleep 1
done
wait "$SENDER"
sent=$(cat "$OUT/slow-sent")
stopped_t=$t
wait "$STUCK" || true
# Once the stuck session commits it reads its backlog and the queue is truncated (up to 120 s).
for _ in $(seq 1 60); do
  sleep 2
  sample "stuck session committed"
  python3 -c "import sys; sys.exit(0 if $u < 0.0001 else 1)" && { drained=yes; break; }
done
drain_s=$(python3 -c "print(round($t - $stopped_t))")
kill "$LISTENER" 2>/dev/null || true; wait "$LISTENER" 2>/dev/null || true; LISTENER=
first=0; last=$peak
python3 - "$first" "$last" "$peak_t" "$sent" "$received" "$drained" "$drain_s" <<'PY'
import sys
first, last, secs, sent, received = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
growth = (last - first) / secs
print(f"\nsent {sent:,}; the live listener received {received:,};"
      f" queue back under 0.01 %: {sys.argv[6]} ({sys.argv[7]} s after the senders stopped)")
if growth > 0:
    print(f"queue growth to its peak {growth * 100:.4f} % of 8 GB a second ({growth * 8192:.1f} MB/s): full in {1 / growth / 60:.0f} minutes"
          " at this excess, after which every NOTIFY (every write that announces) fails at commit")
else:
    print("the queue did not grow")
PY
