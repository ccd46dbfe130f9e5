#!/usr/bin/env bash
# B5: launch to first ready (GET /q/health/ready answers 200) and resident memory, idle and under the B1 load, for
# the plain `java -jar` and for the production flags (README "Running in production"), with the AppCDS archive when
# the build made one. Each variant starts BENCH_STARTS times (default 3) on an already migrated database; the first
# start on an empty database (Flyway creates every table) is shown apart. CPU seconds used until ready are shown too:
# they move less than wall time when other work shares the machine. With a JDK 25 or newer (BENCH_AOT_JAVA, else the
# first one under /usr/lib/jvm), the aot-jar with its AOT cache too, built and trained here by backend/aot-cache.sh
# (BENCH_AOT=false skips it).
# Needs: wrk, psql, a packaged backend.
source "$(dirname "$0")/lib.sh"
need wrk "apt-get install -y wrk"
STARTS=${BENCH_STARTS:-3}
PROD_OPTS=${JAVA_OPTS% -XX:SharedArchiveFile=*}
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$APP/stat"; }
declare -a NAMES=("java -jar (no flags)" "production flags")
declare -a OPTS=("" "$PROD_OPTS")
declare -a JAVAS=("$JAVA" "$JAVA")
declare -a JARS=("$JAR" "$JAR")
if [ -f "$CDS_ARCHIVE" ]; then
  NAMES+=("production flags + AppCDS"); OPTS+=("$PROD_OPTS -XX:SharedArchiveFile=app-cds.jsa"); JAVAS+=("$JAVA"); JARS+=("$JAR")
fi
java_feature() { "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}'; }
AOT_JAVA=${BENCH_AOT_JAVA:-}
if [ -z "$AOT_JAVA" ]; then
  for candidate in java /usr/lib/jvm/*/bin/java; do
    [ -x "$(command -v "$candidate")" ] && [ "$(java_feature "$candidate")" -ge 25 ] 2>/dev/null && { AOT_JAVA=$candidate; break; }
  done
fi
if [ "${BENCH_AOT:-true}" = true ] && [ -n "$AOT_JAVA" ]; then
  psql "$ADMIN_URL" -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER serambi" 2>/dev/null
  AOT_JAVA=$AOT_JAVA AOT_JAVA_OPTS="$PROD_OPTS" QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB backend/aot-cache.sh >/dev/null
  NAMES+=("Java $(java_feature "$AOT_JAVA"), aot-jar + AOT cache, production flags")
  OPTS+=("$PROD_OPTS -XX:AOTCache=app.aot"); JAVAS+=("$AOT_JAVA"); JARS+=(backend/target/quarkus-aot/quarkus-run.jar)
elif [ "${BENCH_AOT:-true}" = true ]; then
  echo "no JDK 25 or newer found (BENCH_AOT_JAVA): the AOT-cache variant is skipped" >&2
fi
JAVA_OPTS="${OPTS[-1]}" JAVA="${JAVAS[-1]}" JAR="${JARS[-1]}"
start_app fresh
FIRST_MS=$READY_MS
FIRST_CPU=$(cpu_ms)
stop_app
load_note
printf '\n| B5 start | ready (median of %s) | CPU until ready | RSS idle | RSS after B1 load |\n|---|---|---|---|---|\n' "$STARTS"
printf '| first start, empty database, %s |' "${NAMES[-1]}"; printf ' %s ms (one start) | %s ms | | |\n' "$FIRST_MS" "$FIRST_CPU"
for i in "${!NAMES[@]}"; do
  JAVA_OPTS="${OPTS[$i]}" JAVA="${JAVAS[$i]}" JAR="${JARS[$i]}"
  readies=() cpus=()
  for _ in $(seq 1 "$STARTS"); do
    start_app keep
    readies+=("$READY_MS")
    cpus+=("$(cpu_ms)")
    sleep 3
    IDLE=$(rss_mb)
    stop_app
  done
  start_app keep
  sleep 3
  IDLE=$(rss_mb)
  wrk -t2 -c32 -d"$DURATION" "http://localhost:$PORT/api/events?size=20" >/dev/null 2>&1
  LOADED=$(rss_mb)
  stop_app
  median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  printf '| %s | %s ms | %s ms | %s MB | %s MB |\n' "${NAMES[$i]}" "$(median "${readies[@]}")" "$(median "${cpus[@]}")" "$IDLE" "$LOADED"
done
echo
echo "production flags: $PROD_OPTS"
echo "targets: ready <= 3000 ms, idle RSS <= 300 MB"
