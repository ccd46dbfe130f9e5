#!/usr/bin/env bash
# Issue 21, the soak's pool drain, in 30 seconds: a small pool (DRAIN_POOL, 2) with a short acquisition timeout
# (DRAIN_ACQUIRE_TIMEOUT, PT0.1S) overloaded on one DB endpoint (the registration lookup by token, a 404) by wrk with
# DRAIN_CONNECTIONS (512) for DRAIN_DURATION (20s), so that many waits time out while connections are handed on. Then
# the load stops and the verdict: 10 sequential lookups all answer 404 (not 503), and no pool connection sat idle
# through the whole run (pg_stat_activity). Before the fix (RELIABILITY.md "Connection pool under overload") the pool
# lost its connections and every later request waited and got 503.
export BENCH_PORT=${BENCH_PORT:-8800} BENCH_DB=${BENCH_DB:-serambi_h_leak}
export QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE=${DRAIN_POOL:-2}
export SERAMBI_DATABASE_ACQUIRE_TIMEOUT=${DRAIN_ACQUIRE_TIMEOUT:-PT0.1S}
source "$(dirname "$0")/lib.sh"
need wrk "apt-get install -y wrk"
need psql "apt-get install -y postgresql-client"
DURATION=${DRAIN_DURATION:-20s}
start_app
URL="http://localhost:$PORT/api/registrations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
load_note
wrk -t2 -c"${DRAIN_CONNECTIONS:-512}" -d"$DURATION" --timeout 2s "$URL" | grep -E "requests in|Non-2xx|Requests/sec"
sleep 2
# Pool connections idle since before the load ended (the load's length plus the pause): held and never given back.
held=$(psql "postgresql://postgres@127.0.0.1:5432/$DB" -Atc "select count(*) from pg_stat_activity
  where datname = '$DB' and application_name = 'vertx-pg-client' and query not like 'LISTEN%'
    and state = 'idle' and now() - state_change > interval '${DURATION%s} seconds'")
codes=$(for _ in $(seq 1 10); do curl -s -o /dev/null -m 15 -w "%{http_code} " "$URL"; done)
printf '\n| check | result |\n|---|---|\n| pool connections idle through the whole run | %s |\n| 10 lookups after the load | %s|\n' "$held" "$codes"
if [ "$held" = 0 ] && [ "$codes" = "$(printf '404 %.0s' $(seq 1 10))" ]; then
  echo "verdict: met (the pool kept its connections)"
else
  echo "verdict: NOT met (the pool lost connections)"; exit 1
fi
