#!/usr/bin/env bash
# B1 of the benchmarks issue: GET /api/events (20 published events) against a trivial endpoint of the same app
# (GET /api/library, the framework's ceiling), measured in one run; plus start-up time and resident memory (bench/
# startup.sh measures B5 properly). Needs: wrk, psql, a packaged backend.
source "$(dirname "$0")/lib.sh"
need wrk "apt-get install -y wrk"
start_app
IDLE_RSS=$(rss_mb)
ADMIN=$(admin_token)
for i in $(seq 1 20); do
  start=$(date -u -d "+$((i + 3)) days" +%FT19:00:00Z)
  end=$(date -u -d "+$((i + 3)) days" +%FT20:30:00Z)
  id=$(api -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/events" -d "{\"title\":\"Diskusi Buku $i\",
    \"description\":\"Membahas buku pilihan bulan ini bersama komunitas pembaca Banjarbaru.\",\"type\":\"BOOK_DISCUSSION\",
    \"audience\":\"ALL\",\"language\":\"id\",\"startsAt\":\"$start\",\"endsAt\":\"$end\",\"platform\":\"ZOOM\",
    \"joinUrl\":\"https://zoom.us/j/8123456$i\",\"capacity\":50}" | json "['id']")
  api -X POST -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/events/$id/publish" >/dev/null
done
TOTAL=$(api "localhost:$PORT/api/events?size=20" | json "['total']")
wrk -t2 -c32 -d5s "http://localhost:$PORT/api/events?size=20" >/dev/null 2>&1 # warm-up
wrk -t2 -c32 -d5s "http://localhost:$PORT/api/library" >/dev/null 2>&1
load_note
read -r C_RPS C_P50 C_P99 C_BAD C_P999 <<<"$(measure "http://localhost:$PORT/api/library")"
read -r E_RPS E_P50 E_P99 E_BAD E_P999 <<<"$(measure "http://localhost:$PORT/api/events?size=20")"
LOAD_RSS=$(rss_mb)

printf '\n| Work | req/s | p50 | p99 | p99.9 | non-2xx |\n|---|---|---|---|---|---|\n'
printf '| B1 ceiling: GET /api/library | %s | %s | %s | %s | %s |\n' "$C_RPS" "$C_P50" "$C_P99" "$C_P999" "$C_BAD"
printf '| B1 GET /api/events (%s published, page of 20) | %s | %s | %s | %s | %s |\n' "$TOTAL" "$E_RPS" "$E_P50" "$E_P99" "$E_P999" "$E_BAD"
python3 - "$E_RPS" "$C_RPS" <<'PY'
import sys
e, c = map(float, sys.argv[1:])
print(f"\nB1 ratio events/ceiling: {e/c:.2f} (target >= 0.5: {'met' if e / c >= 0.5 else 'NOT met'})")
PY
printf 'B5 ready after %s ms (launch to /q/health/ready, includes Flyway on an empty database); RSS idle %s MB, after B1 load %s MB\n' \
  "$READY_MS" "$IDLE_RSS" "$LOAD_RSS"
