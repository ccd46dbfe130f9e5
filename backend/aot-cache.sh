#!/usr/bin/env bash
# Builds the API as an `aot-jar` and records a JDK AOT cache for it (Project Leyden, JEP 483/514/515: classes loaded
# and linked, method profiles and compiled code), so that it starts in about half the time. Needs a JDK 25 or newer.
#
#   backend/aot-cache.sh                     builds backend/target/quarkus-aot/ and its app.aot
#   cd backend/target/quarkus-aot && java -XX:AOTCache=app.aot -XX:+UseSerialGC -Xms64m -Xmx1g -jar quarkus-run.jar
#
# The training run starts the app once with -XX:AOTCacheOutput on the database that QUARKUS_DATASOURCE_REACTIVE_URL
# and QUARKUS_DATASOURCE_JDBC_URL name (by default the development database `serambi`; never point it at a library's
# live database: the run migrates it and records a failed login), sends it the requests of a visit (the catalogue,
# the library, challenges, a login, the SPA, the OpenAPI document), and stops it; the JVM then writes the cache.
# The cache belongs to that exact JDK build and that build of the app: run this again after either changes. Started
# with another JDK, or from another folder, the JVM warns and starts without it.
#
# AOT_JAVA (java on the PATH), AOT_JAVA_OPTS (the production flags), AOT_OUT (backend/target/quarkus-aot),
# AOT_PORT (8190; health on AOT_MANAGEMENT_PORT, 9190), AOT_SKIP_BUILD=true (train the jar already in AOT_OUT).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAVA=${AOT_JAVA:-java}
OPTS=${AOT_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx1g}
OUT=${AOT_OUT:-$PWD/backend/target/quarkus-aot}
PORT=${AOT_PORT:-8190}
MANAGEMENT_PORT=${AOT_MANAGEMENT_PORT:-$((PORT + 1000))}
LOG=$OUT/aot-training.log

feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [ "${feature:-0}" -lt 25 ] 2>/dev/null; then
  echo "aot-cache: $JAVA is Java ${feature:-?}; the AOT cache needs 25 or newer (set AOT_JAVA)" >&2
  exit 1
fi
if [ "${AOT_SKIP_BUILD:-false}" != true ]; then
  # aot-jar: every class is loaded by the JDK's own class loaders, which the AOT cache requires.
  ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory="$OUT"
fi
rm -f "$OUT/app.aot"

export QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT
# The packaged app runs in production, which requires these two (a training run's values, kept nowhere).
export SERAMBI_PUBLIC_URL=${SERAMBI_PUBLIC_URL:-http://localhost:$PORT}
export SERAMBI_JWT_KEY_ENCRYPTION_KEY=${SERAMBI_JWT_KEY_ENCRYPTION_KEY:-YW90LXRyYWluaW5nLW9ubHkta2V5LW5vdC1yZWFsMzI=}
export SERAMBI_SURVEYS_FORM_SECRET=${SERAMBI_SURVEYS_FORM_SECRET:-aot-training-only-survey-form-secret-not-real}
(cd "$OUT" && exec "$JAVA" -XX:AOTCacheOutput=app.aot $OPTS -jar quarkus-run.jar) >"$LOG" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null || true' EXIT
for _ in $(seq 1 3000); do
  curl -sf "localhost:$MANAGEMENT_PORT/q/health/ready" >/dev/null && break
  kill -0 "$APP" 2>/dev/null || { echo "aot-cache: the training run stopped; see $LOG" >&2; exit 1; }
  sleep 0.02
done
for _ in $(seq 1 40); do
  for path in /api/events /api/events?size=20 /api/library /api/challenges /api/calendar.ics /; do
    curl -s -o /dev/null "localhost:$PORT$path"
  done
  curl -s -o /dev/null "localhost:$MANAGEMENT_PORT/q/health/ready"
  curl -s -o /dev/null -H 'Content-Type: application/json' "localhost:$PORT/api/auth/login" \
    -d '{"email":"latihan-aot@serambi.invalid","password":"bukan-kata-sandi"}'
done
curl -s -o /dev/null "localhost:$PORT/q/openapi"
kill -TERM "$APP"
wait "$APP" || true # The JVM writes the cache as it exits.
trap - EXIT
[ -s "$OUT/app.aot" ] || { echo "aot-cache: no cache was written; see $LOG" >&2; exit 1; }
echo "aot-cache: $OUT/app.aot ($(du -h "$OUT/app.aot" | cut -f1)); start with:"
echo "  cd $OUT && $JAVA -XX:AOTCache=app.aot $OPTS -jar quarkus-run.jar"
