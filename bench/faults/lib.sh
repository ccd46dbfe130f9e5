#!/usr/bin/env bash
# Shared by the fault scripts: a PRIVATE PostgreSQL cluster (so stopping or killing the database never touches the
# shared one), the packaged backend on its own port, and clean-up of both on exit, whatever happens.
# Reuses bench/lib.sh for the jar and the small API helpers (api, json).
BENCH_PORT=${FAULTS_PORT:-8150}
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${FAULTS_PG_PORT:-5499}
PG_DIR=$(mktemp -d /tmp/serambi-faults-pg.XXXXXX)
# PostgreSQL refuses to run as root: then the cluster belongs to the postgres user.
AS_PG=()
if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; AS_PG=(runuser -u postgres --); fi
DB=serambi_faults
APP_DB_URL="postgresql://serambi:serambi@127.0.0.1:$PG_PORT/$DB"
JAR=${FAULTS_JAR:-$JAR}
APP_LOG=${FAULTS_APP_LOG:-/tmp/serambi-faults-app.log}
ADMIN_EMAIL=bench-admin@serambi.id
ADMIN_PASSWORD=bench-admin-password
APP=

# Stops the backend (SIGTERM, or SIGKILL after 20 s) and waits until it is gone.
stop_app() {
  [ -n "$APP" ] || return 0
  kill "$APP" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$APP" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$APP" 2>/dev/null || true
  APP=
}

cleanup() {
  set +e
  stop_app
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_start() { "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null; }
pg_stop() { "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR" -m "${1:-fast}" -w stop >/dev/null; }

# A new cluster with the app's role and database.
pg_init() {
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DIR" -U postgres --auth=trust >/dev/null
  pg_start
  psql "postgresql://postgres@127.0.0.1:$PG_PORT/postgres" -q -c "CREATE ROLE serambi LOGIN PASSWORD 'serambi'" \
    -c "CREATE DATABASE $DB OWNER serambi"
}

sql() { psql "$APP_DB_URL" -Atc "$1"; }

# Starts the backend against the private cluster; sets APP (pid). Extra env (NAME=value ...) may be given.
app_start() {
  env QUARKUS_HTTP_PORT="$PORT" QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/$DB" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" SERAMBI_DEMO_ENABLED=false \
    SERAMBI_ADMIN_EMAIL=$ADMIN_EMAIL SERAMBI_ADMIN_PASSWORD=$ADMIN_PASSWORD SERAMBI_LOGIN_MAX_FAILURES=1000 \
    SERAMBI_LOGIN_THROTTLE_ADDRESS_MAX_FAILURES=1000 SERAMBI_LOGIN_THROTTLE_ACCOUNT_FREE_FAILURES=1000 \
    SERAMBI_LOGIN_THROTTLE_GLOBAL_MAX_FAILURES=1000000 SERAMBI_PUBLIC_URL="http://localhost:$PORT" \
    SERAMBI_JWT_KEY_ENCRYPTION_KEY=YmVuY2gtb25seS1rZXktbmV2ZXItaW4tcHJvZC0zMmI= SERAMBI_SURVEYS_FORM_SECRET=YmVuY2gtb25seS1zdXJ2ZXktZm9ybS1zZWNyZXQtbm90LXJlYWw= \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=30S \
    "$@" java -Xmx512m -jar "$JAR" >> "$APP_LOG" 2>&1 &
  APP=$!
  for _ in $(seq 1 1800); do curl -sf "localhost:$MANAGEMENT_PORT/q/health/ready" >/dev/null && return 0; sleep 0.1; done
  echo "backend did not become ready; see $APP_LOG" >&2
  return 1
}

# A published event starting in 30 days with the given capacity; prints its id.
new_event() {
  local token=$1 capacity=$2 start id
  start=$(date -u -d '+30 days' +%Y-%m-%dT10:00:00Z)
  id=$(api -H "Authorization: Bearer $token" "localhost:$PORT/api/events" -d "{\"title\":\"Diskusi Buku: Laskar Pelangi\",
    \"description\":\"Uji ketahanan\",\"type\":\"BOOK_DISCUSSION\",\"audience\":\"ALL\",\"language\":\"id\",
    \"startsAt\":\"$start\",\"endsAt\":\"$(date -u -d '+30 days' +%Y-%m-%dT12:00:00Z)\",\"platform\":\"ZOOM\",
    \"joinUrl\":\"https://zoom.us/j/1234567890\",\"capacity\":$capacity}" | json "['id']")
  api -X POST -H "Authorization: Bearer $token" "localhost:$PORT/api/events/$id/publish" >/dev/null
  echo "$id"
}
