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
# The tail at a steady half of the ceiling (issue 21: p99 <= 20 ms at >= 0.5 of the ceiling's throughput): paced
# connections (bench/paced.lua), as many as 0.6 of the ceiling needs at 10 ms between a response and the next request.
PACED_CONNECTIONS=$(python3 -c "import math; print(max(4, math.ceil(0.6 * float('$C_RPS') * 0.010)))")
read -r P_RPS P_P50 P_P99 P_BAD P_P999 <<<"$(WRK_DELAY_MS=10 wrk -t2 -c"$PACED_CONNECTIONS" -d"$DURATION" --latency \
  -s bench/paced.lua "http://localhost:$PORT/api/events?size=20" 2>&1 | awk '
    /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$5} /^P999/ {p999=$2}
    END {printf "%s %s %s %s %s", rps, p50, p99, (bad == "" ? 0 : bad), p999}')"
LOAD_RSS=$(rss_mb)
sleep "${BENCH_IDLE_AFTER:-20}"
AFTER_IDLE_RSS=$(rss_mb)

printf '\n| Work | req/s | p50 | p99 | p99.9 | non-2xx |\n|---|---|---|---|---|---|\n'
printf '| B1 ceiling: GET /api/library | %s | %s | %s | %s | %s |\n' "$C_RPS" "$C_P50" "$C_P99" "$C_P999" "$C_BAD"
printf '| B1 GET /api/events (%s published, page of 20) | %s | %s | %s | %s | %s |\n' "$TOTAL" "$E_RPS" "$E_P50" "$E_P99" "$E_P999" "$E_BAD"
printf '| B1 GET /api/events paced (%s connections, 10 ms apart) | %s | %s | %s | %s | %s |\n' "$PACED_CONNECTIONS" "$P_RPS" "$P_P50" "$P_P99" "$P_P999" "$P_BAD"
python3 - "$E_RPS" "$C_RPS" "$P_RPS" "$P_P99" <<'PY'
import sys
e, c, p = map(float, sys.argv[1:4])
p99 = sys.argv[4]
ms = float(p99[:-2]) if p99.endswith("ms") else float(p99[:-2]) / 1000 if p99.endswith("us") else float(p99[:-1]) * 1000
print(f"\nB1 ratio events/ceiling: {e/c:.2f} (target >= 0.5: {'met' if e / c >= 0.5 else 'NOT met'})")
ok = p / c >= 0.5 and ms <= 20
print(f"B1 tail: p99 {ms:.2f} ms at {p:.0f} req/s = {p/c:.2f} of the ceiling (target p99 <= 20 ms at >= 0.5: {'met' if ok else 'NOT met'})")
PY
printf 'B5 ready after %s ms (launch to /q/health/ready, includes Flyway on an empty database); RSS idle %s MB, after B1 load %s MB, %s s later %s MB\n' \
  "$READY_MS" "$IDLE_RSS" "$LOAD_RSS" "${BENCH_IDLE_AFTER:-20}" "$AFTER_IDLE_RSS"
printf 'B1SUMMARY opts="%s" ceiling=%s events=%s p99=%s p999=%s paced=%s paced_p99=%s paced_p999=%s idle_rss=%s load_rss=%s after_idle_rss=%s ready_ms=%s\n' \
  "$JAVA_OPTS" "$C_RPS" "$E_RPS" "$E_P99" "$E_P999" "$P_RPS" "$P_P99" "$P_P999" "$IDLE_RSS" "$LOAD_RSS" "$AFTER_IDLE_RSS" "$READY_MS"
