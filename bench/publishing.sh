#!/usr/bin/env bash
# B8: 1,000 post variants due in the same minute, two instances of the packaged backend on one database (both run
# the publishing job at its default pace, every 10 s), against a Graph API stand-in (WireMock standalone) answering
# every POST /{page-id}/feed in 100 ms. Measures how late each variant went out after its time (max, p50, p95, p99)
# and that none was published twice (the stand-in's request count, and attempts per variant).
# BENCH_VARIANTS (1000), BENCH_STAND_IN_PORT (BENCH_PORT + 100), BENCH_PORT_B (BENCH_PORT + 1).
# Needs: psql, curl, a packaged backend (and backend/target/stand-in/wiremock-standalone.jar, copied by the package).
source "$(dirname "$0")/lib.sh"
VARIANTS=${BENCH_VARIANTS:-1000}
PORT_B=${BENCH_PORT_B:-$((PORT + 1))}
STAND_IN_PORT=${BENCH_STAND_IN_PORT:-$((PORT + 100))}
STAND_IN="http://127.0.0.1:$STAND_IN_PORT"
WIREMOCK=backend/target/stand-in/wiremock-standalone.jar
[ -f "$WIREMOCK" ] || { echo "$WIREMOCK is missing: ./mvnw package" >&2; exit 1; }
PAGE=102030405060
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"$JAVA" -jar "$WIREMOCK" --port "$STAND_IN_PORT" --bind-address 127.0.0.1 --global-response-templating --disable-banner \
  --container-threads 64 --async-response-enabled true > /tmp/serambi-bench-stand-in.log 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do curl -sf "$STAND_IN/__admin/health" >/dev/null && break; sleep 0.1; done
stub() { curl -sf -X POST "$STAND_IN/__admin/mappings" -H 'Content-Type: application/json' -d "$1" >/dev/null; }
stub '{"request":{"method":"GET","urlPath":"/meta/v23.0/me/accounts"},"response":{"status":200,"headers":{"Content-Type":"application/json"},
  "body":"{\"data\":[{\"id\":\"'$PAGE'\",\"name\":\"Perpustakaan Kota Banjarbaru\",\"access_token\":\"EAAGpageTokenBench\"}],\"paging\":{\"cursors\":{\"before\":\"QVFIUk\",\"after\":\"QVFIUk\"}}}"}}'
stub '{"request":{"method":"GET","urlPath":"/meta/v23.0/debug_token"},"response":{"status":200,"headers":{"Content-Type":"application/json"},
  "body":"{\"data\":{\"app_id\":\"1234567890\",\"type\":\"PAGE\",\"application\":\"Serambi\",\"expires_at\":0,\"is_valid\":true,\"profile_id\":\"'$PAGE'\",\"scopes\":[\"pages_manage_posts\"]}}"}}'
stub '{"request":{"method":"POST","urlPath":"/meta/v23.0/'$PAGE'/feed"},"response":{"status":200,"fixedDelayMilliseconds":100,
  "headers":{"Content-Type":"application/json"},"body":"{\"id\":\"'$PAGE'_{{randomValue length=15 type='"'"'NUMERIC'"'"'}}\"}"}}'
stub '{"request":{"method":"GET","urlPathPattern":"/meta/v23.0/'$PAGE'_[0-9]+"},"response":{"status":200,"headers":{"Content-Type":"application/json"},
  "body":"{\"permalink_url\":\"https://www.facebook.com/'$PAGE'/posts/{{request.pathSegments.[2]}}\",\"id\":\"{{request.pathSegments.[2]}}\"}"}}'

psql "$ADMIN_URL" -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER serambi" 2>/dev/null
# Two instances: the first migrates the empty database.
launch() { # port
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  QUARKUS_HTTP_PORT=$1 QUARKUS_MANAGEMENT_PORT=$(($1 + 1000)) QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB SERAMBI_DEMO_ENABLED=false \
  SERAMBI_ADMIN_EMAIL=bench-admin@serambi.id SERAMBI_ADMIN_PASSWORD=bench-admin-password \
  SERAMBI_PUBLIC_URL=http://localhost:$1 SERAMBI_JWT_KEY_ENCRYPTION_KEY=YmVuY2gtb25seS1rZXktbmV2ZXItaW4tcHJvZC0zMmI= \
  SERAMBI_SURVEYS_FORM_SECRET=YmVuY2gtb25seS1zdXJ2ZXktZm9ybS1zZWNyZXQtbm90LXJlYWw= \
  SERAMBI_SOCIAL_META_GRAPH_URL=$STAND_IN/meta/v23.0 SERAMBI_SOCIAL_META_APP_ID=1234567890 SERAMBI_SOCIAL_META_APP_SECRET=bench-secret \
    "$JAVA" $JAVA_OPTS -jar "$JAR" > "/tmp/serambi-bench-app-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 1500); do curl -sf "localhost:$(($1 + 1000))/q/health/ready" >/dev/null && return 0; sleep 0.1; done
  echo "the app on $1 did not start; see /tmp/serambi-bench-app-$1.log" >&2; exit 1
}
launch "$PORT"
launch "$PORT_B"
TOKEN=$(admin_token)
api "localhost:$PORT/api/social/connections/system-user" -H "Authorization: Bearer $TOKEN" -d '{"token":"EAAGsystemUserTokenBench"}' >/dev/null

# 1,000 scheduled posts, one Facebook variant each, all due at the same second, 40 s from now (a minute's batch).
DUE=$(psql "$APP_DB_URL" -Atq -c "SELECT date_trunc('second', now() + interval '40 seconds')")
psql "$APP_DB_URL" -q <<SQL
WITH p AS (
  INSERT INTO post (content_type, body, status, reviewed_at)
  SELECT 'ANNOUNCEMENT', 'B8 ' || g, 'SCHEDULED', now() FROM generate_series(1, $VARIANTS) g RETURNING id, body)
INSERT INTO post_variant (post_id, platform, text, scheduled_at, delivery)
SELECT id, 'FACEBOOK', body || ': jam buka perpustakaan pekan ini', '$DUE', 'SCHEDULED' FROM p;
SQL
echo "seeded $VARIANTS variants due at $DUE"
curl -sf -X DELETE "$STAND_IN/__admin/requests" >/dev/null
load_note

published() { psql "$APP_DB_URL" -Atq -c "SELECT count(*) FROM post_variant WHERE delivery = 'PUBLISHED'"; }
for _ in $(seq 1 240); do
  [ "$(published)" -ge "$VARIANTS" ] && break
  sleep 1
done
sleep 3 # any late duplicate would show now
FEED_REQUESTS=$(curl -sf -X POST "$STAND_IN/__admin/requests/count" -d '{"method":"POST","urlPath":"/meta/v23.0/'$PAGE'/feed"}' | json "['count']")
psql "$APP_DB_URL" -Atq <<SQL
\echo
\echo '| B8 | value |'
\echo '|---|---|'
SELECT '| variants published | ' || count(*) FILTER (WHERE delivery = 'PUBLISHED') || ' of ' || count(*) || ' |' FROM post_variant;
SELECT '| feed requests to the stand-in | $FEED_REQUESTS |';
SELECT '| variants with more than one attempt | ' || count(*) FILTER (WHERE attempts > 1) || ' |' FROM post_variant;
SELECT '| distinct external ids | ' || count(DISTINCT external_id) || ' |' FROM post_variant;
SELECT '| lateness after the time: p50, p95, p99, max | '
       || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - scheduled_at))::numeric, 2) || ' s, '
       || round(percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - scheduled_at))::numeric, 2) || ' s, '
       || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - scheduled_at))::numeric, 2) || ' s, '
       || round(max(extract(epoch FROM published_at - scheduled_at))::numeric, 2) || ' s |'
  FROM post_variant WHERE delivery = 'PUBLISHED';
SELECT '| attempts by instance | ' || string_agg(n::text, ' + ' ORDER BY n DESC) || ' |'
  FROM (SELECT count(*) n FROM publish_attempt GROUP BY instance) x;
SQL
