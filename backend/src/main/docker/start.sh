#!/bin/sh
# How the Docker image starts the API: the production flags, and the JDK's AOT cache (Project Leyden, README "Running
# the packaged app"), which halves the time to ready. A cache belongs to one JDK build and one build of the app, so it
# is named after both (aot-key, written when the image is built) and kept in SERAMBI_AOT_DIR, a volume. The first start
# of an image records it: the JVM writes it as the app stops cleanly (about 10 s; docker-compose.yml gives the stop
# 60 s), and only a complete cache takes the name later starts look for. Every later start of the image uses it.
# Without a directory it can write, the API starts as it would without a cache.
set -eu
APP_DIR=${SERAMBI_APP_DIR:-/app}
DIR=${SERAMBI_AOT_DIR:-/var/cache/serambi}
FLAGS=${SERAMBI_JAVA_FLAGS:--XX:+UseSerialGC -Xms64m -XX:MaxRAMPercentage=75}
cd "$APP_DIR"
cache="$DIR/serambi-$(cat aot-key).aot"
if [ -s "$cache" ]; then
  # shellcheck disable=SC2086 # FLAGS is a list of flags
  exec java -XX:AOTCache="$cache" $FLAGS -jar quarkus-run.jar
fi
if ! { mkdir -p "$DIR" 2>/dev/null && [ -w "$DIR" ]; }; then
  echo "start: $DIR is not writable; starting without an AOT cache" >&2
  # shellcheck disable=SC2086
  exec java $FLAGS -jar quarkus-run.jar
fi
echo "start: no AOT cache for this image yet; this run records $cache when the API stops" >&2
recording="$cache.recording"
rm -f "$recording"
# shellcheck disable=SC2086
java -XX:AOTCacheOutput="$recording" $FLAGS -jar quarkus-run.jar &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true' TERM INT
status=0
wait "$pid" || status=$?
# A signal ends the first wait; the JVM is still stopping and writing the cache.
while kill -0 "$pid" 2>/dev/null; do
  status=0
  wait "$pid" || status=$?
done
if [ -s "$recording" ]; then
  mv "$recording" "$cache"
  echo "start: AOT cache recorded; the next start uses it" >&2
fi
exit "$status"
