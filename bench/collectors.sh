#!/usr/bin/env bash
# Issue 21: B1 (bench/catalogue.sh) once per garbage collector, one after the other in the same run, so their tails,
# throughput and memory can be compared side by side. BENCH_COLLECTORS: a list of JVM flag sets separated by ";"
# (the default: the production flags and the candidates). Prints one summary row per flag set.
set -euo pipefail
cd "$(dirname "$0")/.."
DEFAULT="-XX:+UseSerialGC -Xms64m -Xmx1g;\
-XX:+UseSerialGC -Xms64m -Xmx1g -XX:MetaspaceSize=128m -XX:NewSize=48m;\
-XX:+UseParallelGC -Xms64m -Xmx1g -XX:MetaspaceSize=128m;\
-XX:+UseG1GC -Xms64m -Xmx1g -XX:MetaspaceSize=128m -XX:MaxGCPauseMillis=10;\
-XX:+UseShenandoahGC -Xms64m -Xmx1g -XX:MetaspaceSize=128m"
IFS=';' read -r -a SETS <<<"${BENCH_COLLECTORS:-$DEFAULT}"
ROWS=()
for opts in "${SETS[@]}"; do
  echo "== $opts"
  out=$(BENCH_JAVA_OPTS="$opts" bash bench/catalogue.sh 2>&1) || { echo "$out" | tail -5; exit 1; }
  echo "$out" | grep -E "^\| B1|^B1 |^load|^B5"
  ROWS+=("$(echo "$out" | grep '^B1SUMMARY')")
done
printf '\n| JVM flags | ceiling req/s | events req/s (32 conn.) | p99 | p99.9 | paced req/s | paced p99 | paced p99.9 | RSS idle / after load / 20 s later (MB) | ready ms |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
for row in "${ROWS[@]}"; do
  python3 - "$row" <<'PY'
import shlex, sys
f = dict(kv.split("=", 1) for kv in shlex.split(sys.argv[1])[1:])
print(f"| `{f['opts']}` | {float(f['ceiling']):.0f} | {float(f['events']):.0f} | {f['p99']} | {f['p999']} | {float(f['paced']):.0f} "
      f"({float(f['paced'])/float(f['ceiling']):.2f}) | {f['paced_p99']} | {f['paced_p999']} | {f['idle_rss']} / {f['load_rss']} / {f['after_idle_rss']} | {f['ready_ms']} |")
PY
done
