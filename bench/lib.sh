#!/usr/bin/env bash
# Shared by the bench scripts: a fresh database, the packaged backend on its own port, small API helpers.
# BENCH_PORT (8160; health on the management port BENCH_MANAGEMENT_PORT, 9160), BENCH_DB (serambi_bench), BENCH_DURATION (10s), BENCH_JAVA (java), BENCH_JAVA_OPTS (the
# production flags from README "Running in production"), SERAMBI_DB_ADMIN_URL (a superuser URL to create the database).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${BENCH_PORT:-8160}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-$((PORT + 1000))}
DB=${BENCH_DB:-serambi_bench}
ADMIN_URL=${SERAMBI_DB_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
APP_DB_URL="postgresql://serambi:serambi@127.0.0.1:5432/$DB"
DURATION=${BENCH_DURATION:-10s}
JAVA=${BENCH_JAVA:-java}
JAR=backend/target/quarkus-app/quarkus-run.jar
# The production flags (README "Running the packaged app"), with the AppCDS archive when the build made one
# (./mvnw package -Dquarkus.package.jar.appcds.enabled=true). The JVM accepts the archive only when the app is
# launched as it was recorded: from backend/target/quarkus-app, as `-jar quarkus-run.jar`.
JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx1g}
CDS_ARCHIVE=backend/target/quarkus-app/app-cds.jsa
[ -n "${BENCH_JAVA_OPTS+set}" ] || [ ! -f "$CDS_ARCHIVE" ] || JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=app-cds.jsa"
APP_LOG=/tmp/serambi-bench-app-$PORT.log
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests

need() { command -v "$1" >/dev/null || { echo "$1 is missing: $2" >&2; exit 1; }; }

# Benchmarks send bursts from one address: the rate limits (bucket4j, README "Configuration") are switched off
# so that they do not shape the figures.
export SERAMBI_RATE_LIMIT_ENABLED=${SERAMBI_RATE_LIMIT_ENABLED:-false}

# Starts the backend; sets APP (pid) and READY_MS (launch to ready). With "fresh" (the default) on a new, empty
# database, with "keep" on the database as it is.
start_app() {
  if [ "${1:-fresh}" = fresh ]; then
    psql "$ADMIN_URL" -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER serambi" 2>/dev/null
  fi
  local started
  started=$(date +%s%N)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB SERAMBI_DEMO_ENABLED=${SERAMBI_DEMO_ENABLED:-false} \
  SERAMBI_ADMIN_EMAIL=bench-admin@serambi.id SERAMBI_ADMIN_PASSWORD=bench-admin-password \
  QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=${QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT:-60S} \
  SERAMBI_LOGIN_MAX_FAILURES=1000 SERAMBI_LOGIN_THROTTLE_ADDRESS_MAX_FAILURES=1000 \
  SERAMBI_LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES=1000 SERAMBI_LOGIN_THROTTLE_GLOBAL_MAX_FAILURES=1000000 \
  SERAMBI_PUBLIC_URL=${SERAMBI_PUBLIC_URL:-http://localhost:$PORT} \
  SERAMBI_SURVEYS_FORM_SECRET=${SERAMBI_SURVEYS_FORM_SECRET:-YmVuY2gtb25seS1zdXJ2ZXktZm9ybS1zZWNyZXQtbm90LXJlYWw=} \
  SERAMBI_JWT_KEY_ENCRYPTION_KEY=${SERAMBI_JWT_KEY_ENCRYPTION_KEY:-YmVuY2gtb25seS1rZXktbmV2ZXItaW4tcHJvZC0zMmI=} bash -c 'cd "$(dirname "$1")" && shift && exec "$@"' _ "$JAR" \
    "$JAVA" $JAVA_OPTS -jar quarkus-run.jar > "$APP_LOG" 2>&1 &
  APP=$!
  trap stop_app EXIT
  for _ in $(seq 1 1200); do
    curl -sf "localhost:$MANAGEMENT_PORT/q/health/ready" >/dev/null && break
    kill -0 "$APP" 2>/dev/null || { echo "the app stopped; see $APP_LOG" >&2; exit 1; }
    sleep 0.02
  done
  READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
stop_app() {
  [ -n "${APP:-}" ] || return 0
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  APP=
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$APP/status"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$APP/status"; }
api() { curl -sf -H 'Content-Type: application/json' "$@"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
admin_token() {
  api "localhost:$PORT/api/auth/login" -d '{"email":"bench-admin@serambi.id","password":"bench-admin-password"}' | json "['token']"
}
# The system's load while measuring (other work on the machine moves the absolute figures).
load_note() { printf 'load average while measuring: %s (%s cores)\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"; }
# wrk: url [header] -> "req/s p50 p99 non2xx p99.9" (p99.9 from bench/percentiles.lua)
measure() {
  need wrk "apt-get install -y wrk"
  local header=()
  [ $# -ge 2 ] && header=(-H "$2")
  wrk -t2 -c"${BENCH_CONNECTIONS:-32}" -d"$DURATION" --latency -s bench/percentiles.lua "${header[@]}" "$1" 2>&1 | awk '
    /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$5} /^P999/ {p999=$2}
    END {printf "%s %s %s %s %s", rps, p50, p99, (bad == "" ? 0 : bad), p999}'
}
