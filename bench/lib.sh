#!/usr/bin/env bash
# Shared by the bench scripts: a fresh database, the packaged backend on its own port, small API helpers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${BENCH_PORT:-8096}
DB=${BENCH_DB:-serambi_bench}
ADMIN_URL=${SERAMBI_DB_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
APP_DB_URL="postgresql://serambi:serambi@127.0.0.1:5432/$DB"
DURATION=${BENCH_DURATION:-10s}
JAR=backend/target/quarkus-app/quarkus-run.jar
APP_LOG=/tmp/serambi-bench-app.log
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests

# Starts the backend on a new, empty database; sets APP (pid) and READY_MS (launch to ready).
start_app() {
  psql "$ADMIN_URL" -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER serambi" 2>/dev/null
  local started=$(date +%s%N)
  QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB SERAMBI_DEMO_ENABLED=false \
  SERAMBI_ADMIN_EMAIL=bench-admin@serambi.id SERAMBI_ADMIN_PASSWORD=bench-admin-password \
  SERAMBI_LOGIN_MAX_FAILURES=1000 java -jar "$JAR" > "$APP_LOG" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null' EXIT
  for _ in $(seq 1 600); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 0.05; done
  READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$APP/status"; }
api() { curl -sf -H 'Content-Type: application/json' "$@"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
admin_token() {
  api "localhost:$PORT/api/auth/login" -d '{"email":"bench-admin@serambi.id","password":"bench-admin-password"}' | json "['token']"
}
# wrk: url [header] -> "req/s p50 p99 non2xx"
measure() {
  local header=()
  [ $# -ge 2 ] && header=(-H "$2")
  wrk -t2 -c32 -d"$DURATION" --latency "${header[@]}" "$1" 2>&1 | awk '
    /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$5}
    END {printf "%s %s %s %s", rps, p50, p99, (bad == "" ? 0 : bad)}'
}
