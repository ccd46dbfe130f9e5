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
# The tail at a steady fraction of the ceiling (issue 21: p99 <= 20 ms at >= 0.5 of the ceiling's throughput, aimed
# at 0.6): paced connections (bench/paced.lua, BENCH_PACED_DELAY_MS (1) between a response and the next request).
# wrk's timers and CPU share make the rate per connection fall short, so two 3 s probes scale the connections first.
# The verdict is on the B1 run itself (32 connections, as B1 has always been measured); the paced run is the same
# tail at a lower, steady rate.
paced() { # connections duration -> "req/s p50 p99 non2xx p99.9"
  WRK_DELAY_MS=${BENCH_PACED_DELAY_MS:-1} wrk -t2 -c"$1" -d"$2" --latency -s bench/paced.lua "http://localhost:$PORT/api/events?size=20" 2>&1 | awk '
    /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$5} /^P999/ {p999=$2}
    END {printf "%s %s %s %s %s", rps, p50, p99, (bad == "" ? 0 : bad), p999}'
}
PACED_TARGET=$(python3 -c "print(round(${BENCH_PACED_FRACTION:-0.6} * float('$C_RPS')))")
PACED_CONNECTIONS=$(python3 -c "import math; print(max(4, math.ceil($PACED_TARGET * (${BENCH_PACED_DELAY_MS:-1} + 1) / 1000)))")
for _ in 1 2; do
  read -r probe _ <<<"$(paced "$PACED_CONNECTIONS" 3s)"
  PACED_CONNECTIONS=$(python3 -c "import math; print(min(2000, max(4, math.ceil($PACED_CONNECTIONS * $PACED_TARGET / max(1.0, float('$probe'))))))")
done
read -r P_RPS P_P50 P_P99 P_BAD P_P999 <<<"$(paced "$PACED_CONNECTIONS" "$DURATION")"
LOAD_RSS=$(rss_mb)
sleep "${BENCH_IDLE_AFTER:-20}"
AFTER_IDLE_RSS=$(rss_mb)

printf '\n| Work | req/s | p50 | p99 | p99.9 | non-2xx |\n|---|---|---|---|---|---|\n'
printf '| B1 ceiling: GET /api/library | %s | %s | %s | %s | %s |\n' "$C_RPS" "$C_P50" "$C_P99" "$C_P999" "$C_BAD"
printf '| B1 GET /api/events (%s published, page of 20) | %s | %s | %s | %s | %s |\n' "$TOTAL" "$E_RPS" "$E_P50" "$E_P99" "$E_P999" "$E_BAD"
printf '| B1 GET /api/events paced (%s connections, a pause between requests) | %s | %s | %s | %s | %s |\n' "$PACED_CONNECTIONS" "$P_RPS" "$P_P50" "$P_P99" "$P_P999" "$P_BAD"
python3 - "$E_RPS" "$C_RPS" "$P_RPS" "$E_P99" "$P_P99" <<'PY'
import sys
e, c, p = map(float, sys.argv[1:4])
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
e99, p99 = ms(sys.argv[4]), ms(sys.argv[5])
print(f"\nB1 ratio events/ceiling: {e/c:.2f} (target >= 0.5: {'met' if e / c >= 0.5 else 'NOT met'})")
ok = e / c >= 0.5 and e99 <= 20
print(f"B1 tail: p99 {e99:.2f} ms at {e:.0f} req/s = {e/c:.2f} of the ceiling (target p99 <= 20 ms at >= 0.5: {'met' if ok else 'NOT met'}); "
      f"paced at {p/c:.2f} of the ceiling: p99 {p99:.2f} ms")
PY
printf 'B5 ready after %s ms (launch to /q/health/ready, includes Flyway on an empty database); RSS idle %s MB, after B1 load %s MB, %s s later %s MB\n' \
  "$READY_MS" "$IDLE_RSS" "$LOAD_RSS" "${BENCH_IDLE_AFTER:-20}" "$AFTER_IDLE_RSS"
printf 'B1SUMMARY opts="%s" ceiling=%s events=%s p99=%s p999=%s paced=%s paced_p99=%s paced_p999=%s idle_rss=%s load_rss=%s after_idle_rss=%s ready_ms=%s\n' \
  "$JAVA_OPTS" "$C_RPS" "$E_RPS" "$E_P99" "$E_P999" "$P_RPS" "$P_P99" "$P_P999" "$IDLE_RSS" "$LOAD_RSS" "$AFTER_IDLE_RSS" "$READY_MS"
