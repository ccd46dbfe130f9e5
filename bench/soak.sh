#!/usr/bin/env bash
# The soak (issue 21, section 2): SOAK_MINUTES (30) of a mixed load at a steady rate (open loop, bench/soak.mjs) on
# the packaged backend: catalogue reads, registrations of distinct patrons onto six events (the small ones fill, so
# waitlists form and move when patrons cancel), cancellations through manage tokens, teens logging reading minutes,
# leaderboard reads with and without "my rank", SOAK_SUBSCRIBERS (500) SSE subscribers on the leaderboard stream the
# whole time, post variants due through the run published to a Graph API stand-in (WireMock, as bench/publishing.sh),
# signed WhatsApp webhook deliveries (a tenth repeated, as bench/webhooks.mjs) and assistant questions.
# One CSV line every SOAK_SAMPLE_SECONDS (30): requests, errors, p50/p99 (all and per kind), throughput, app RSS and
# heap, PostgreSQL connections, NOTIFY queue usage, SSE events. At the end the writes are checked against the
# database, and the verdicts printed: 0 errors; 0 lost or doubled writes; p99 and RSS flat (the mean of the last third
# at most 10 % above the mean of [T/6, T/2]: minutes 20-30 against 5-15 for 30 minutes); connections and NOTIFY
# queue under their bounds. Writes SOAK_CSV (bench/soak.csv) and its plot SOAK_PNG (bench/soak.png).
# Rates a second: SOAK_RATE_CATALOGUE (100), _REGISTER (40), _LOG (10), _BOARD (30, anonymous), _BOARD_ME (20, with my
# rank), _WEBHOOK (15), _ASSISTANT (20); SOAK_CANCEL_SHARE (0.1 of registrations), SOAK_POSTS_PER_MINUTE (20),
# SOAK_TEENS (200); SOAK_RATE_SCALE (1) multiplies every rate (a busy machine's short run). QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE (8). Exit status 0 only when every verdict is met.
# Needs: node, psql, gnuplot, jstat (heap; optional), a packaged backend (and backend/target/stand-in/wiremock-standalone.jar).
source "$(dirname "$0")/lib.sh"
need node "Node 20"
need psql "apt-get install -y postgresql-client"
need gnuplot "apt-get install -y gnuplot-nox"
MINUTES=${SOAK_MINUTES:-30}
SAMPLE=${SOAK_SAMPLE_SECONDS:-30}
SUBSCRIBERS=${SOAK_SUBSCRIBERS:-500}
TEENS=${SOAK_TEENS:-200}
POSTS=$(( ${SOAK_POSTS_PER_MINUTE:-20} * MINUTES ))
CSV=${SOAK_CSV:-bench/soak.csv}
PNG=${SOAK_PNG:-bench/soak.png}
export QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE=${QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE:-8}
STAND_IN_PORT=${BENCH_STAND_IN_PORT:-$((PORT + 100))}
STAND_IN="http://127.0.0.1:$STAND_IN_PORT"
WIREMOCK=backend/target/stand-in/wiremock-standalone.jar
[ -f "$WIREMOCK" ] || { echo "$WIREMOCK is missing: ./mvnw package" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -gt $((SUBSCRIBERS * 2 + 500)) ] || { echo "ulimit -n $(ulimit -n) is too low for $SUBSCRIBERS subscribers" >&2; exit 1; }
WORK=$(mktemp -d /tmp/serambi-soak.XXXXXX)
STAND_IN_PID=
CLIENT=
VACUUMER=
cleanup() {
  [ -z "$CLIENT" ] || kill "$CLIENT" 2>/dev/null || true
  [ -z "$VACUUMER" ] || kill "$VACUUMER" 2>/dev/null || true
  [ -z "$STAND_IN_PID" ] || kill "$STAND_IN_PID" 2>/dev/null || true
  stop_app
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The Graph API stand-in (as bench/publishing.sh): a page, its token, and POST /{page}/feed answering in 100 ms.
PAGE=102030405060
"$JAVA" -jar "$WIREMOCK" --port "$STAND_IN_PORT" --bind-address 127.0.0.1 --global-response-templating --disable-banner \
  --container-threads 32 --async-response-enabled true > "$WORK/stand-in.log" 2>&1 &
STAND_IN_PID=$!
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

# The app, with the stand-in as its Graph API, WhatsApp receiving (no access token: nothing is sent), and the
# assistant's own rate limit raised (lib.sh switches the others off).
PHONE_NUMBER_ID=106540352242922
SECRET=bench-whatsapp-app-secret
export SERAMBI_SOCIAL_META_GRAPH_URL=$STAND_IN/meta/v23.0 SERAMBI_SOCIAL_META_APP_ID=1234567890 SERAMBI_SOCIAL_META_APP_SECRET=bench-secret
export SERAMBI_WHATSAPP_PHONE_NUMBER_ID=$PHONE_NUMBER_ID SERAMBI_WHATSAPP_APP_SECRET=$SECRET
export SERAMBI_RATE_LIMIT_ASSISTANT_PER_IP=100000000
start_app
trap cleanup EXIT # start_app set its own
ADMIN=$(admin_token)
api "localhost:$PORT/api/social/connections/system-user" -H "Authorization: Bearer $ADMIN" -d '{"token":"EAAGsystemUserTokenBench"}' >/dev/null

# Six events: the first three fill during a 30-minute run (the first two during a short one), so their waitlists
# move when confirmed patrons cancel; the others keep seats.
EVENTS=()
for capacity in 100 300 2000 5000 null null; do
  id=$(api -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/events" -d "{\"title\":\"Bedah Buku soak $capacity ${#EVENTS[@]}\",
    \"description\":\"Bedah buku bersama penulis.\",\"type\":\"BOOK_DISCUSSION\",\"audience\":\"ALL\",\"language\":\"id\",
    \"startsAt\":\"$(date -u -d '+7 days' +%FT11:00:00Z)\",\"endsAt\":\"$(date -u -d '+7 days' +%FT12:30:00Z)\",\"platform\":\"ZOOM\",
    \"joinUrl\":\"https://zoom.us/j/8123456$RANDOM\",\"capacity\":$capacity}" | json "['id']")
  api -X POST -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/events/$id/publish" >/dev/null
  EVENTS+=("$id")
done

# A reading challenge of 60 days, a point a minute, 1,000 seeded participants and SOAK_TEENS teens who log. A log
# recomputes its teen's points from all of the teen's logs (the points' invariant: always the sum of the valid logs),
# so a teen's log costs what their history holds. 200 teens sharing 10 logs a second log about 90 times each in 30
# minutes, 1.5 a day of the challenge; 20 teens (the first runs) logged 900 times each, a history no teen has, and the
# log's p99 grew with it (1.27 in the 2026-12-06 01:40 run).
TODAY=$(TZ=Asia/Makassar date +%F)
CH=$(api -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/challenges" -d "{\"title\":\"Soak\",\"audience\":\"ALL\",
  \"startsOn\":\"$(TZ=Asia/Makassar date -d '-59 days' +%F)\",\"endsOn\":\"$TODAY\",\"goalType\":\"MINUTES\",\"goalValue\":100000,
  \"pointsPerMinute\":1}" | json "['id']")
api -X POST -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/challenges/$CH/publish" >/dev/null
psql "$APP_DB_URL" -q -v ON_ERROR_STOP=1 -v challenge="$CH" -v participants=1000 -v logs=0 -f bench/sql/leaderboard-seed.sql
TOKENS=()
for n in $(seq 1 "$TEENS"); do
  api "localhost:$PORT/api/auth/register" -d "{\"email\":\"soak.teen$n@bench.serambi.id\",\"password\":\"bench-teen-password\",\"displayName\":\"Soak $n\",\"birthYear\":2010}" >/dev/null
  token=$(api "localhost:$PORT/api/auth/login" -d "{\"email\":\"soak.teen$n@bench.serambi.id\",\"password\":\"bench-teen-password\"}" | json "['token']")
  api -H "Authorization: Bearer $token" "localhost:$PORT/api/challenges/$CH/participants" -d "{\"nickname\":\"Soak$((n - 1))\"}" >/dev/null
  TOKENS+=("$token")
done

# Post variants to the connected page, approved and due evenly from 30 s into the run until 30 s before its end.
# (The SSE subscribers connect first, for up to a minute: the first ones fall due in the run's first minute.)
psql "$APP_DB_URL" -q -v ON_ERROR_STOP=1 <<SQL
WITH p AS (
  INSERT INTO post (content_type, body, status, reviewed_at)
  SELECT 'ANNOUNCEMENT', 'Soak ' || g, 'SCHEDULED', now() FROM generate_series(1, $POSTS) g RETURNING id, body)
INSERT INTO post_variant (post_id, platform, text, scheduled_at, delivery)
SELECT id, 'FACEBOOK', body || ': jam buka perpustakaan pekan ini',
       date_trunc('second', now() + interval '30 seconds' + (substr(body, 6)::int - 1) * interval '1 second' * ($MINUTES * 60 - 60) / $POSTS),
       'SCHEDULED' FROM p;
SQL
curl -sf -X DELETE "$STAND_IN/__admin/requests" >/dev/null

python3 - "$WORK/config.json" <<PY
import json, sys
json.dump({"url": "http://127.0.0.1:$PORT", "pid": $APP, "db": "$DB", "dbUrl": "$APP_DB_URL", "minutes": $MINUTES,
  "sampleSeconds": $SAMPLE, "rateScale": ${SOAK_RATE_SCALE:-1}, "cancelShare": ${SOAK_CANCEL_SHARE:-0.1}, "events": [$(IFS=,; echo "${EVENTS[*]}")],
  "challenge": $CH, "today": "$TODAY", "days": 59, "teens": "${TOKENS[*]}".split(), "subscribers": $SUBSCRIBERS,
  "whatsapp": {"secret": "$SECRET", "phoneNumberId": "$PHONE_NUMBER_ID"}, "csv": "$WORK/soak.csv", "ledger": "$WORK/ledger.json",
  "rates": {"catalogue": ${SOAK_RATE_CATALOGUE:-100}, "register": ${SOAK_RATE_REGISTER:-40}, "log": ${SOAK_RATE_LOG:-10},
            "board": ${SOAK_RATE_BOARD:-30}, "board_me": ${SOAK_RATE_BOARD_ME:-20}, "webhook": ${SOAK_RATE_WEBHOOK:-15},
            "assistant": ${SOAK_RATE_ASSISTANT:-20}}}, open(sys.argv[1], "w"))
PY
echo "soak: $MINUTES min, a sample every $SAMPLE s, $SUBSCRIBERS subscribers, $POSTS posts, rates x${SOAK_RATE_SCALE:-1}; app pool $QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE"
# A production PostgreSQL runs autovacuum: it removes the dead rows of every update and keeps the planner's
# statistics as tables grow. A server with it off (as this machine's CI configuration has: autovacuum = off) lets every
# table bloat and every plan go stale over 30 minutes, a drift of the server, not of Serambi. There the soak does
# autovacuum's work itself, as autovacuum does it with PostgreSQL's defaults: every SOAK_VACUUM_SECONDS (60, its
# naptime) it vacuums the tables with more than 50 + 20 % dead rows (or 1,000 + 20 % rows inserted since their last
# vacuum) and analyzes those with more than 50 + 10 % rows changed since their last analyze, throttled by the cost delay
# of 2 ms per 200 cost units. (An unthrottled VACUUM (ANALYZE) of the whole database each minute, the 02:18 run's, took
# a core for 0.2 s at the start and 1.1 s by the end: a burst that itself raised the tail.) Each round is logged.
VACUUM_EVERY=${SOAK_VACUUM_SECONDS:-60}
if [ "$(psql "$APP_DB_URL" -Atqc "SHOW autovacuum")" = off ] && [ "$VACUUM_EVERY" -gt 0 ]; then
  echo "soak: this server runs without autovacuum: the soak does its work every $VACUUM_EVERY s, with its thresholds and cost delay"
  ( while sleep "$VACUUM_EVERY"; do
      started=$(date +%s%N)
      work=$(psql "$APP_DB_URL" -Atq <<'SQL' || true
WITH t AS (
  SELECT s.relid, greatest(c.reltuples, 0) AS tuples, s.n_dead_tup, s.n_ins_since_vacuum, s.n_mod_since_analyze
  FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid)
SELECT CASE WHEN n_dead_tup > 50 + 0.2 * tuples OR n_ins_since_vacuum > 1000 + 0.2 * tuples
            THEN format('VACUUM (ANALYZE %s) %s;', (n_mod_since_analyze > 50 + 0.1 * tuples)::text, relid::regclass)
            ELSE format('ANALYZE %s;', relid::regclass) END
FROM t
WHERE n_dead_tup > 50 + 0.2 * tuples OR n_ins_since_vacuum > 1000 + 0.2 * tuples OR n_mod_since_analyze > 50 + 0.1 * tuples
SQL
)
      [ -z "$work" ] || printf "SET vacuum_cost_delay = '2ms';\nSET vacuum_cost_limit = 200;\n%s\n" "$work" \
        | psql "$APP_DB_URL" -q 2>&1 | grep -v "^WARNING:.*skipping" || true
      echo "soak: autovacuum's round took $(( ($(date +%s%N) - started) / 1000000 )) ms: $(echo "${work:-nothing to do}" | paste -sd' ')"
    done ) &
  VACUUMER=$!
fi
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
node bench/soak.mjs "$WORK/config.json" &
CLIENT=$!
wait "$CLIENT"
CLIENT=
[ -z "$VACUUMER" ] || { kill "$VACUUMER" 2>/dev/null || true; wait "$VACUUMER" 2>/dev/null || true; VACUUMER=; }
# Who holds the database's connections now (the bound below is checked on the samples).
psql "$APP_DB_URL" -Atq -c "SELECT 'connections now: ' || string_agg(n || ' ' || a, ', ') FROM (SELECT coalesce(nullif(application_name, ''),
  backend_type) a, count(*) n FROM pg_stat_activity WHERE datname = '$DB' GROUP BY 1) x"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# Every variant due is published within 60 s, then a few seconds for any late duplicate.
for _ in $(seq 1 60); do
  [ "$(psql "$APP_DB_URL" -Atq -c "SELECT count(*) FROM post_variant WHERE delivery <> 'PUBLISHED'")" = 0 ] && break
  sleep 1
done
sleep 3

# What the database holds, for the check.
RUN=$(python3 -c "import json; print(json.load(open('$WORK/ledger.json'))['run'])")
psql "$APP_DB_URL" -Atq -F, -c "SELECT event_id, email, status FROM registration WHERE email LIKE '%.$RUN@bench.serambi.id'" > "$WORK/registrations.csv"
psql "$APP_DB_URL" -Atq -F, -c "SELECT e.id, coalesce(e.capacity, -1), e.confirmed_count,
    count(*) FILTER (WHERE r.status = 'CONFIRMED'), count(*) FILTER (WHERE r.status = 'WAITLISTED')
  FROM event e LEFT JOIN registration r ON r.event_id = e.id WHERE e.id IN ($(IFS=,; echo "${EVENTS[*]}")) GROUP BY e.id" > "$WORK/events.csv"
psql "$APP_DB_URL" -Atq -F, -c "SELECT substr(p.nickname, 5), p.points, count(l.id), coalesce(sum(l.points), 0),
    count(l.id) FILTER (WHERE l.status <> 'VALID')
  FROM participant p LEFT JOIN reading_log l ON l.participant_id = p.id
  WHERE p.challenge_id = $CH AND p.nickname LIKE 'Soak%' GROUP BY p.id" > "$WORK/teens.csv"
psql "$APP_DB_URL" -Atq -F, -c "SELECT count(*), count(DISTINCT external_id) FROM conversation_message WHERE external_id LIKE 'wamid.SOAK$RUN%'" > "$WORK/messages.csv"
psql "$APP_DB_URL" -Atq -F, -c "SELECT count(*), count(*) FILTER (WHERE delivery = 'PUBLISHED'), count(*) FILTER (WHERE attempts > 1),
    count(DISTINCT external_id) FROM post_variant" > "$WORK/variants.csv"
FEED=$(curl -sf -X POST "$STAND_IN/__admin/requests/count" -d '{"method":"POST","urlPath":"/meta/v23.0/'$PAGE'/feed"}' | json "['count']")
cp "$WORK/soak.csv" "$CSV"

STATUS=0
bench/soak-check.py "$WORK" "$CSV" "$MINUTES" "$QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE" "$FEED" "$LOAD_START" "$LOAD_END" || STATUS=$?
[ -z "${SOAK_KEEP:-}" ] || { mkdir -p "$SOAK_KEEP" && cp "$WORK"/*.json "$WORK"/*.csv "$SOAK_KEEP"/; }

# The plot: p99, throughput, RSS and heap, CPU over time.
bench/soak-plot.sh "$CSV" "$PNG" "$MINUTES" "$SAMPLE" "$LOAD_START"
echo "wrote $CSV and $PNG"
exit $STATUS
