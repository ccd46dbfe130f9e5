#!/usr/bin/env bash
# Issue 7.1, database outage under load: registrations and leaderboard reads run while PostgreSQL (a private cluster
# on port 5499) is stopped for 10 s and started again. Checks that requests fail fast with 503 problem+json, that
# readiness says DOWN meanwhile, that the backend recovers by itself, that the leaderboard SSE stream resumes, and
# that every registration acknowledged with 202 is in the database. Backend on port 8150; stops everything.
source "$(dirname "$0")/lib.sh"
OUTAGE_S=${OUTAGE_S:-10}
STOP_MODE=${STOP_MODE:-fast}
: > "$APP_LOG"
pg_init
app_start
ADMIN=$(admin_token)
EVENT=$(new_event "$ADMIN" 100000)
TODAY=$(TZ=Asia/Makassar date +%F)
CHALLENGE=$(api -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/challenges" -d "{\"title\":\"Tantangan Membaca Uji\",
  \"audience\":\"ALL\",\"startsOn\":\"$TODAY\",\"endsOn\":\"$TODAY\",\"goalType\":\"PAGES\",\"goalValue\":1000,\"pointsPerPage\":1}" | json "['id']")
api -X POST -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/challenges/$CHALLENGE/publish" >/dev/null
api "localhost:$PORT/api/auth/register" -d '{"email":"remaja@outage.serambi.id","password":"remaja-password-1","displayName":"Remaja","birthYear":2010}' >/dev/null
TEEN=$(api "localhost:$PORT/api/auth/login" -d '{"email":"remaja@outage.serambi.id","password":"remaja-password-1"}' | json "['token']")
api -H "Authorization: Bearer $TEEN" "localhost:$PORT/api/challenges/$CHALLENGE/participants" -d '{"nickname":"PembacaTangguh"}' >/dev/null
api -H "Authorization: Bearer $TEEN" "localhost:$PORT/api/challenges/$CHALLENGE/logs" \
  -d "{\"title\":\"Laskar Pelangi\",\"author\":\"Andrea Hirata\",\"pages\":10,\"readOn\":\"$TODAY\"}" >/dev/null

# Warm-up (JIT, pool) so that "before" means a running service, not a cold start.
for i in $(seq 1 40); do
  api "localhost:$PORT/api/events/$EVENT/registrations" -d "{\"name\":\"Pemanasan $i\",\"email\":\"warm$i@outage.serambi.id\"}" >/dev/null
  curl -sf "localhost:$PORT/api/challenges/$CHALLENGE/leaderboard" >/dev/null
done
OUT=$(mktemp -d /tmp/serambi-outage.XXXXXX)
SUMMARY=$OUT/summary.json
BASE="http://127.0.0.1:$PORT" MANAGEMENT_BASE="http://127.0.0.1:$MANAGEMENT_PORT" EVENT=$EVENT CHALLENGE=$CHALLENGE TEEN_TOKEN=$TEEN NICKNAME=PembacaTangguh PAGES_BEFORE=10 \
  TODAY=$TODAY OUTAGE_S=$OUTAGE_S RECORDS=$OUT/records.json ACKED=$OUT/acked.csv \
  PG_STOP="${AS_PG[*]} $PG_BIN/pg_ctl -D $PG_DIR -m $STOP_MODE -w stop >/dev/null" \
  PG_START="${AS_PG[*]} $PG_BIN/pg_ctl -D $PG_DIR -l $PG_DIR/server.log -w -o '-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1' start >/dev/null" \
  node "$(dirname "$0")/outage-load.mjs" > "$SUMMARY"

# Every acknowledged registration must be stored, with the same id and e-mail.
sql "CREATE TABLE acked (email text)"
psql "$APP_DB_URL" -q -c "\\copy acked FROM '$OUT/acked.csv' WITH (FORMAT csv)"
MISSING=$(sql "SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM registration r WHERE r.email = a.email AND r.event_id = $EVENT)")
STORED=$(sql "SELECT count(*) FROM registration WHERE event_id = $EVENT")
ACKED=$(sql "SELECT count(*) FROM acked")
RESTARTS=$(grep -c 'Quarkus .* started in' "$APP_LOG" || true)

python3 - "$SUMMARY" "$ACKED" "$STORED" "$MISSING" "$RESTARTS" "$STOP_MODE" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); acked, stored, missing, starts, mode = sys.argv[2:]
f, h, rc, sse, rq = s['failedDuringOutage'], s['health'], s['recovery'], s['sse'], s['requests']
fmt = lambda d: ', '.join(f'{k}: {v}' for k, v in sorted(d.items())) or '-'
rows = [
  ('database stopped (pg_ctl -m %s) for' % mode, f"{s['window']['outageS']:.1f} s", '10 s'),
  ('requests before the outage', fmt(rq['before']), ''),
  ('requests overlapping the outage', fmt(rq['duringOutage']), ''),
  ('requests after the database returned', fmt(rq['after']), ''),
  ('failed requests started in the outage: count, slowest', f"{f['startedInOutage']}, {f['maxStartedInOutageS']:.2f} s", '<= 5 s'),
  ('failed requests under way at the stop: count, slowest (from the stop)', f"{f['inFlightAtStop']}, {f['maxInFlightAfterStopS']:.2f} s", '<= 5 s'),
  ('all failed requests: p99 wait for the failure', f"{f['p99LatencyS']:.2f} s", ''),
  ('failed requests that are 503 problem+json with Retry-After', 'all' if f['all503Problem'] else 'NOT ALL', 'all'),
  ('/q/health/ready first DOWN after the stop', f"{h['firstDownAfterS']:.2f} s", ''),
  ('/q/health/ready polls DOWN during the outage', f"{h['downDuringOutage']} / {h['pollsDuringOutage']} (slowest poll {h['maxPollS']:.2f} s)", 'all'),
  ('database back -> first 202 registration', f"{rc['firstRegistrationS']:.2f} s", '<= 5 s'),
  ('database back -> first 200 leaderboard', f"{rc['firstLeaderboardS']:.2f} s", '<= 5 s'),
  ('database back -> readiness UP', f"{h['upAgainAfterS']:.2f} s", ''),
  ('SSE: reading log after recovery seen on the stream after', f"{sse['logSeenAfterS']:.2f} s (log {sse['logStatus']}, {sse['connections']} connection(s))", 'seen'),
  ('hung requests (> 30 s) / 5xx other than 503', f"{s['hung']} / {s['status5xxNot503']}", '0 / 0'),
  ('backend restarts', str(int(starts) - 1), '0'),
  ('registrations acknowledged (202) / stored / acknowledged but missing', f'{acked} / {stored} / {missing}', 'missing 0'),
]
print('\n| Database outage | measured | target |\n|---|---|---|')
for r in rows: print('| %s | %s | %s |' % r)
if f['notProblem503']: print('\nnot 503 problem+json:', json.dumps(f['notProblem503'], ensure_ascii=False))
ok = (f['maxLatencyS'] is not None and f['maxLatencyS'] <= 5 and f['all503Problem'] and h['downDuringOutage'] == h['pollsDuringOutage'] > 0
      and rc['firstRegistrationS'] is not None and rc['firstRegistrationS'] <= 5 and sse['logSeenAfterS'] is not None
      and missing == '0' and s['hung'] == 0 and s['status5xxNot503'] == 0 and starts == '1')
print('\nresult:', 'PASS' if ok else 'FAIL', f'(raw records: {sys.argv[1].rsplit("/", 1)[0]})')
sys.exit(0 if ok else 1)
PY
