#!/usr/bin/env bash
# Issue 7.2, crash: a burst of 2,000 registrations from 100 concurrent clients (distinct patrons plus repeats of
# earlier ones in another letter case) against an event with 300 seats; the backend is killed with SIGKILL once 600
# were acknowledged, then restarted on the same database. Checks that every acknowledged registration was stored as
# acknowledged, that nobody holds two seats, that confirmed <= capacity and equals the event's seat counter, and that
# the waitlist is consistent. Private PostgreSQL on port 5499, backend on 8150; stops everything by itself.
source "$(dirname "$0")/lib.sh"
CAPACITY=${CAPACITY:-300}
ROUNDS=${ROUNDS:-3}
: > "$APP_LOG"
pg_init
OUT=$(mktemp -d /tmp/serambi-crash.XXXXXX)
printf '\n| Round | sent | acknowledged (202: new / repeat) | killed after | in flight at kill | stored | acknowledged but missing | stored without a manage link | patrons with 2 active | confirmed / capacity / seat counter | waitlisted | confirmed while seats left over | after restart |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n' > "$OUT/table.md"
FAIL=0
for round in $(seq "${FIRST_ROUND:-1}" "$ROUNDS"); do
  app_start
  ADMIN=$(admin_token)
  EVENT=$(new_event "$ADMIN" "$CAPACITY")
  KILL_AFTER=$(( round * 150 ))  # 150, 300, 450: before, at and after the seats run out
  BASE="http://127.0.0.1:$PORT" EVENT=$EVENT KILL_AFTER=$KILL_AFTER ACKED=$OUT/acked-$round.csv KILL="kill -9 $APP" \
    node "$(dirname "$0")/crash-load.mjs" > "$OUT/summary-$round.json"
  while kill -0 "$APP" 2>/dev/null; do sleep 0.1; done
  APP=
  app_start   # the same database: whatever was committed before the kill
  sql "CREATE TABLE acked_$round (email text, http int)"
  psql "$APP_DB_URL" -q -c "\\copy acked_$round FROM '$OUT/acked-$round.csv' WITH (FORMAT csv)"
  read -r STORED MISSING DIFFERS DOUBLE CONFIRMED COUNTER WAITLISTED <<<"$(sql "
    SELECT (SELECT count(*) FROM registration WHERE event_id = $EVENT),
           (SELECT count(*) FROM acked_$round a WHERE NOT EXISTS (SELECT 1 FROM registration r
               WHERE lower(r.email) = lower(a.email) AND r.event_id = $EVENT AND r.status <> 'CANCELLED')),
           (SELECT count(*) FROM registration r WHERE r.event_id = $EVENT AND lower(r.email) IN (SELECT lower(email) FROM acked_$round)
               AND NOT EXISTS (SELECT 1 FROM registration_token t WHERE t.registration_id = r.id)),
           (SELECT count(*) FROM (SELECT lower(email) FROM registration WHERE event_id = $EVENT AND status <> 'CANCELLED'
               GROUP BY lower(email) HAVING count(*) > 1) d),
           (SELECT count(*) FROM registration WHERE event_id = $EVENT AND status = 'CONFIRMED'),
           (SELECT confirmed_count FROM event WHERE id = $EVENT),
           (SELECT count(*) FROM registration WHERE event_id = $EVENT AND status = 'WAITLISTED')" | tr '|' ' ')"
  # Waitlisted patrons while seats are left would be an inconsistency (nobody cancelled here).
  LEFT_OVER=$(( CONFIRMED < CAPACITY && WAITLISTED > 0 ? 1 : 0 ))
  # After the restart: a patron the dead instance never answered registers again and gets their registration.
  AFTER=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    "localhost:$PORT/api/events/$EVENT/registrations" -d '{"name":"Setelah Restart","email":"setelah@crash.serambi.id"}')
  AGAIN=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    "localhost:$PORT/api/events/$EVENT/registrations" -d '{"name":"Setelah Restart","email":"SETELAH@crash.serambi.id"}')
  python3 - "$OUT/summary-$round.json" "$round" "$STORED" "$MISSING" "$DIFFERS" "$DOUBLE" "$CONFIRMED" "$CAPACITY" \
    "$COUNTER" "$WAITLISTED" "$LEFT_OVER" "$AFTER" "$AGAIN" >> "$OUT/table.md" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); r, stored, missing, differs, double, conf, cap, counter, wait, left, after, again = sys.argv[2:]
print(f"| {r} | {s['sent']} | {s['acknowledged']} ({s['created']} / {s['repeats']}) | {s['acknowledged'] if False else ''}{s['killedAfterS']} s | {s['inFlightAtKill']} | {stored} | {missing} | {differs} | {double} | {conf} / {cap} / {counter} | {wait} | {left} | {after} then {again} |")
PY
  if [ "$MISSING" != 0 ] || [ "$DIFFERS" != 0 ] || [ "$DOUBLE" != 0 ] || [ "$CONFIRMED" -gt "$CAPACITY" ] \
     || [ "$CONFIRMED" != "$COUNTER" ] || [ "$LEFT_OVER" != 0 ] || [ "$AFTER" != 202 ] || [ "$AGAIN" != 202 ]; then FAIL=1; fi
  stop_app
done
cat "$OUT/table.md"
echo
echo "result: $([ $FAIL = 0 ] && echo PASS || echo FAIL) (raw: $OUT)"
exit $FAIL
