#!/usr/bin/env bash
# B11 of issue 22: the tracked-link redirect GET /l/{code} (a variant's link, made by drafting a post from an event)
# against the trivial endpoint GET /api/library in the same run: req/s, p50, p99, p99.9 of each, the ratio, the verdict
# (p99 <= 5 ms while sustaining >= 0.8 of the trivial endpoint's req/s). wrk does not follow redirects: each request
# is one 302 (and one click counted). Then a clean stop (SIGTERM) and the clicks in link_click against the redirects the
# app answered (its own http_server_requests count) and the requests wrk completed: lost must be 0.
# Needs: wrk, psql, curl, python3, a packaged backend.
source "$(dirname "$0")/lib.sh"
need wrk "apt-get install -y wrk"
PHONE='Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36'
start_app
ADMIN=$(admin_token)
start=$(date -u -d "+5 days" +%FT11:00:00Z)
end=$(date -u -d "+5 days" +%FT12:30:00Z)
EVENT=$(api -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/events" -d "{\"title\":\"Diskusi Buku: Laut Bercerita\",
  \"description\":\"Membahas novel Leila S. Chudori bersama komunitas pembaca Banjarbaru.\",\"type\":\"BOOK_DISCUSSION\",
  \"audience\":\"ALL\",\"language\":\"id\",\"startsAt\":\"$start\",\"endsAt\":\"$end\",\"platform\":\"ZOOM\",
  \"joinUrl\":\"https://zoom.us/j/81234567\",\"capacity\":50}" | json "['id']")
api -X POST -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/events/$EVENT/publish" >/dev/null
CODE=$(api -X POST -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/posts/draft-from-event/$EVENT" \
  | json "['variants'][2]['links'][0]['code']")
LOCATION=$(curl -s -o /dev/null -w '%{redirect_url}' -A "$PHONE" "localhost:$PORT/l/$CODE")
echo "link /l/$CODE -> $LOCATION"

# wrk: url -> "req/s p50 p99 p99.9 requests" (every request with the phone's User-Agent: a person, the full check)
run() {
  wrk -t2 -c"${BENCH_CONNECTIONS:-32}" -d"$2" --latency -s bench/percentiles.lua -H "User-Agent: $PHONE" "$1" 2>&1 | awk '
    /requests in/ {n=$1} /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /^P999/ {p999=$2}
    END {printf "%s %s %s %s %s", rps, p50, p99, p999, n}'
}
run "http://localhost:$PORT/l/$CODE" 5s >/dev/null # warm-up (counted too)
run "http://localhost:$PORT/api/library" 5s >/dev/null
load_note
read -r C_RPS C_P50 C_P99 C_P999 C_N <<<"$(run "http://localhost:$PORT/api/library" "$DURATION")"
read -r L_RPS L_P50 L_P99 L_P999 L_N <<<"$(run "http://localhost:$PORT/l/$CODE" "$DURATION")"
sleep 1
# the redirects the app answered (Micrometer; /l/{code} is under the /{page} pattern, and nothing else answers 302 here)
ANSWERED=$(curl -s "localhost:$MANAGEMENT_PORT/q/metrics" | awk '/^http_server_requests_seconds_count/ && /status="302"/ && /uri="\/\{page\}"/ {s += $NF} END {printf "%d", s}')
LINK_ID=$(psql "$APP_DB_URL" -tAc "SELECT id FROM tracked_link WHERE code = '$CODE'")
BEFORE_STOP=$(psql "$APP_DB_URL" -tAc "SELECT coalesce(sum(clicks), 0) FROM link_click WHERE link_id = $LINK_ID")
stop_app # SIGTERM: a clean stop, which flushes the last counts
COUNTED=$(psql "$APP_DB_URL" -tAc "SELECT coalesce(sum(clicks), 0) FROM link_click WHERE link_id = $LINK_ID")
BOTS=$(psql "$APP_DB_URL" -tAc "SELECT coalesce(sum(clicks), 0) FROM link_click WHERE link_id = $LINK_ID AND bot")

printf '\n| Work | req/s | p50 | p99 | p99.9 | requests |\n|---|---|---|---|---|---|\n'
printf '| B11 ceiling: GET /api/library | %s | %s | %s | %s | %s |\n' "$C_RPS" "$C_P50" "$C_P99" "$C_P999" "$C_N"
printf '| B11 GET /l/{code} (302, click counted) | %s | %s | %s | %s | %s |\n' "$L_RPS" "$L_P50" "$L_P99" "$L_P999" "$L_N"
python3 - "$L_RPS" "$C_RPS" "$L_P99" <<'PY'
import sys
l, c = float(sys.argv[1]), float(sys.argv[2])
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
p99 = ms(sys.argv[3])
ok = p99 <= 5 and l / c >= 0.8
print(f"\nB11 ratio /l/{{code}} / ceiling: {l/c:.2f}; p99 {p99:.2f} ms "
      f"(target p99 <= 5 ms at >= 0.8 of the ceiling: {'met' if ok else 'NOT met'})")
PY
echo "B11 clicks: the app answered $ANSWERED redirects (warm-up, the curl and the measured run); link_click had $BEFORE_STOP before the stop, $COUNTED after it ($BOTS as bots); lost: $((ANSWERED - COUNTED))"
echo "B11 wrk completed $L_N requests in the measured run (requests in flight when wrk stopped are answered and counted, not completed)"
printf 'B11SUMMARY ceiling=%s links=%s p50=%s p99=%s p999=%s answered=%s counted=%s lost=%s\n' \
  "$C_RPS" "$L_RPS" "$L_P50" "$L_P99" "$L_P999" "$ANSWERED" "$COUNTED" "$((ANSWERED - COUNTED))"
