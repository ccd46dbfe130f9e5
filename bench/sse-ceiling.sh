#!/usr/bin/env bash
# SCALING.md: how many leaderboard SSE subscribers one instance holds with every one updated and p99 <= 1 s, and the
# memory each costs. Runs bench/subscribers.sh (B4: a fresh app, a warm-up, N subscribers, one new log) at
# increasing counts (BENCH_SSE_COUNTS, "2000 4000 8000"; each count needs 2 file descriptors per subscriber
# under `ulimit -Hn`, the client and the app sharing this host); it stops when fewer than half are updated.
# Prints one table row per count and the highest count met.
cd "$(dirname "$0")/.."
COUNTS=${BENCH_SSE_COUNTS:-2000 4000 8000}
echo "| subscribers | updated | p50 | p99 | RSS before → with | per subscriber | load (1 min) | p99 ≤ 1 s, all updated |"
echo "|---|---|---|---|---|---|---|---|"
held=0
for n in $COUNTS; do
  out=$(BENCH_SUBSCRIBERS=$n bench/subscribers.sh 2>&1) || { echo "| $n | the run failed: $(echo "$out" | tail -1) |"; break; }
  row=$(echo "$out" | grep '^| leaderboard stream')
  load=$(echo "$out" | sed -n 's/.*load average while measuring: \([0-9.]*\).*/\1/p')
  per=$(echo "$out" | sed -n 's/^memory per subscriber: \([0-9.]*\) KB.*/\1/p')
  met=$(echo "$out" | grep -q '^p99 .*: met)' && echo met || echo "NOT met")
  IFS='|' read -r _ _ subs updated p50 p99 _ _ _ before with _ <<< "$row" # ... p99.9, max, failures, RSS before, RSS with
  echo "|$subs|$updated|$p50|$p99|$before →$with| $per KB | $load | $met |"
  [ "$met" = met ] && held=$n
  [ "${updated// /}" -ge $((n / 2)) ] 2>/dev/null || break
done
echo
echo "one instance held $held subscribers with every one updated and p99 <= 1 s (the highest count tried that met; 0: none)"
