#!/usr/bin/env bash
# The soak's plot (bench/soak.sh calls it; run it again on a kept CSV): CSV PNG MINUTES SAMPLE_SECONDS "LOAD AVERAGE".
# Four panels over time: p99 and p50 (a log scale: the first minute's warm-up is seconds, the rest milliseconds),
# throughput, the app's RSS and heap in use, and the CPU of the app, PostgreSQL and the load client. The two windows
# the flat verdicts compare are shaded: [T/6, T/2] and the last third.
set -euo pipefail
CSV=$1 PNG=$2 MINUTES=$3 SAMPLE=$4 LOAD=${5:-}
command -v gnuplot >/dev/null || { echo "gnuplot is missing: apt-get install -y gnuplot-nox" >&2; exit 1; }
cpu=$(head -1 "$CSV" | tr ',' '\n' | grep -nx 'app_cpu_pct' | cut -d: -f1 || true)
gnuplot <<GP
set terminal pngcairo size 1000,1150 font ",10"
set output "$PNG"
set datafile separator ","
set key autotitle columnhead
set multiplot layout 4,1 title "Serambi soak: $MINUTES min, a sample every $SAMPLE s (load average $LOAD at the start); shaded: the windows compared"
set xlabel "time (s)"
set grid
set object 1 rect from first $MINUTES * 10, graph 0 to first $MINUTES * 30, graph 1 fc rgb "#e8f0ff" fs solid noborder behind
set object 2 rect from first $MINUTES * 40, graph 0 to first $MINUTES * 60, graph 1 fc rgb "#fff0e0" fs solid noborder behind
set logscale y
set yrange [1:*]
set ylabel "ms (log scale)"
plot "$CSV" using 1:6 with linespoints title "p99, all calls", "" using 1:5 with lines title "p50"
unset logscale y
set yrange [0:*]
set ylabel "requests/s"
plot "$CSV" using 1:4 with linespoints title "throughput"
set ylabel "MB"
plot "$CSV" using 1:15 with linespoints title "RSS", "" using 1:16 with linespoints title "heap used"
set ylabel "% of one core"
$( [ -n "$cpu" ] && echo "plot \"$CSV\" using 1:$cpu with linespoints title \"app\", \"\" using 1:$((cpu + 1)) with linespoints title \"PostgreSQL\", \"\" using 1:$((cpu + 2)) with linespoints title \"load client\"" || echo "set label 1 \"(no CPU columns in this CSV)\" at graph 0.4, graph 0.5; plot NaN notitle")
unset multiplot
GP
