#!/usr/bin/env bash
# SCALING.md: a province's Serambi, simulated. One library's year (bench/sql/province-seed.sql) in one database, and
# BENCH_PROVINCE_LIBRARIES (20) libraries' years in another; then the hot queries on both with pgbench
# (BENCH_PROVINCE_CLIENTS, 4, for BENCH_PROVINCE_SECONDS, 10, each) and EXPLAIN ANALYZE:
#   catalogue page, board load, leaderboard top 10 + my rank in SQL, one registration, one reading log, shared reviews;
# and on the big one again with reading_log partitioned by challenge (a scratch copy in schema `part`, LIST
# partitions, one per challenge; not a migration): the reading log as the app writes it today and with the challenge
# in its predicates, and removing a closed challenge's logs (DELETE against DROP of its partition).
# The schema comes from the Flyway migrations, applied with psql. Verdict: the per-request queries at 20x within
# 1.5x of 1x (tps ratio >= 0.67). Databases: BENCH_DB (serambi_bench_province)_1 and _20.
export BENCH_DB=${BENCH_DB:-serambi_bench_province}
source "$(dirname "$0")/lib.sh"
need pgbench "apt-get install -y postgresql-client"
LIBRARIES=${BENCH_PROVINCE_LIBRARIES:-20}
SECS=${BENCH_PROVINCE_SECONDS:-10}
CLIENTS=${BENCH_PROVINCE_CLIENTS:-4}
url() { echo "postgresql://serambi:serambi@127.0.0.1:5432/${DB}_$1"; }

setup() { # libraries
  local db="${DB}_$1"
  psql "$ADMIN_URL" -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db OWNER serambi" 2>/dev/null
  # The migrations in version order, as Flyway applies them.
  for f in $(ls backend/src/main/resources/db/migration/V*__*.sql | sort -t V -k 2 -n); do
    psql "$(url "$1")" -q -v ON_ERROR_STOP=1 -f "$f" >/dev/null
  done
  local started=$(date +%s)
  psql "$(url "$1")" -q -v ON_ERROR_STOP=1 -v libraries="$1" -f bench/sql/province-seed.sql
  echo "seeded $1 library/ies in $(( $(date +%s) - started )) s: $(psql "$(url "$1")" -Atc "SELECT
    (SELECT count(*) FROM event) || ' events, ' || (SELECT count(*) FROM registration) || ' registrations, ' ||
    (SELECT count(*) FROM challenge) || ' challenges, ' || (SELECT count(*) FROM participant) || ' participants, ' ||
    (SELECT count(*) FROM reading_log) || ' reading logs, ' || pg_size_pretty(pg_database_size(current_database()))")"
}

partition() { # libraries: part.reading_log, LIST-partitioned by challenge, a copy of public.reading_log
  local started=$(date +%s)
  psql "$(url "$1")" -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE SCHEMA part AUTHORIZATION serambi;
CREATE TABLE part.reading_log (LIKE public.reading_log INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
  PARTITION BY LIST (challenge_id);
SELECT format('CREATE TABLE part.reading_log_%s PARTITION OF part.reading_log FOR VALUES IN (%s)', id, id)
  FROM challenge ORDER BY id \gexec
ALTER TABLE part.reading_log ADD PRIMARY KEY (challenge_id, id);
CREATE INDEX ON part.reading_log (participant_id, read_on);
CREATE INDEX ON part.reading_log (challenge_id, created_at) WHERE status = 'FLAGGED';
CREATE INDEX ON part.reading_log (created_at) WHERE share_review AND review IS NOT NULL;
INSERT INTO part.reading_log SELECT * FROM public.reading_log;
VACUUM ANALYZE part.reading_log;
SQL
  echo "partitioned copy: $(psql "$(url "$1")" -Atc "SELECT count(*) FROM pg_inherits WHERE inhparent = 'part.reading_log'::regclass") partitions in $(( $(date +%s) - started )) s"
}

# pgbench: libraries script [search_path] -> "tps latency_ms"
bench() {
  local libs=$1 script=$2 path=${3:-public}
  local ids
  ids=$(psql "$(url "$libs")" -Atc "SELECT (SELECT min(id) FROM event WHERE status = 'PUBLISHED'),
      c.id, min(p.id), max(p.id), min(p.id) + 1000 FROM challenge c JOIN participant p ON p.challenge_id = c.id
      WHERE c.id = (SELECT max(id) FROM challenge) GROUP BY c.id" | tr '|' ' ')
  read -r ev ch pmin pmax me <<< "$ids"
  PGOPTIONS="-c search_path=$path" pgbench -n -M prepared -c "$CLIENTS" -j 2 -T "$SECS" -D event="$ev" \
    -D challenge="$ch" -D pmin="$pmin" -D pmax="$pmax" -D me="$me" -f "$script" "$(url "$libs")" 2>&1 |
    awk '/^latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "%.0f %.2f", tps, lat}'
}

# EXPLAIN ANALYZE: libraries "sql" [search_path] -> "execution ms (plan's top scan)"
explain() {
  PGOPTIONS="-c search_path=${3:-public}" psql "$(url "$1")" -At -c "EXPLAIN (ANALYZE, BUFFERS) $2" |
    awk '/Execution Time/ {t=$3} /Scan|Append/ && !s {sub(/^[ ->]*/, ""); sub(/ \(.*/, ""); s=$0} END {printf "%s ms (%s)", t, s}'
}

setup 1
setup "$LIBRARIES"
partition "$LIBRARIES"
echo
load_note
echo
declare -A R
printf '| hot query (pgbench, %s clients, %s s) | 1 library: tx/s, ms | %s libraries: tx/s, ms | ratio (tx/s) | %s libraries, reading_log partitioned | load (1 min) |\n' "$CLIENTS" "$SECS" "$LIBRARIES" "$LIBRARIES"
echo "|---|---|---|---|---|---|"
verdict=met
row() { # label script partitioned?(yes/no) per-request?(yes/no)
  read -r t1 l1 <<< "$(bench 1 "$2")"
  read -r tn ln <<< "$(bench "$LIBRARIES" "$2")"
  local part="–"
  if [ "$3" = yes ]; then read -r tp lp <<< "$(bench "$LIBRARIES" "$2" part,public)"; part="$tp, $lp ms"; fi
  local ratio
  ratio=$(python3 -c "print(round($tn / max($t1, 1), 2))")
  [ "$4" = no ] || python3 -c "import sys; sys.exit(0 if $ratio >= 0.67 else 1)" || verdict="NOT met ($1)"
  printf '| %s | %s, %s ms | %s, %s ms | %s | %s | %s |\n' "$1" "$t1" "$l1" "$tn" "$ln" "$ratio" "$part" "$(cut -d' ' -f1 /proc/loadavg)"
}
row "catalogue page (4 statements)" bench/sql/province-catalogue.sql no yes
row "board load, one challenge of 2,000" bench/sql/province-board-load.sql no no
row "leaderboard top 10 + my rank in SQL" bench/sql/leaderboard.sql no yes
row "registration, one event" bench/sql/registration.sql no yes
row "reading log, as written today" bench/sql/province-log.sql yes yes
row "reading log, challenge in the predicates" bench/sql/province-log-pruned.sql yes yes
row "latest 20 shared reviews, all challenges" bench/sql/province-reviews.sql yes no
echo
echo "per-request queries at $LIBRARIES libraries within 1.5x of one library (tx/s ratio >= 0.67): $verdict"

echo
echo "EXPLAIN ANALYZE, one run each (execution time, top scan):"
ME=$(psql "$(url "$LIBRARIES")" -Atc "SELECT min(id) + 1000 FROM participant WHERE challenge_id = (SELECT max(id) FROM challenge)")
CH=$(psql "$(url "$LIBRARIES")" -Atc "SELECT max(id) FROM challenge")
Q_TODAY="SELECT coalesce(sum(points), 0) FROM reading_log WHERE participant_id = $ME AND status = 'VALID'"
Q_PRUNED="SELECT coalesce(sum(points), 0) FROM reading_log WHERE participant_id = $ME AND challenge_id = $CH AND status = 'VALID'"
Q_CATALOGUE="SELECT count(*) FROM event WHERE status IN ('PUBLISHED') AND ends_at > now()"
ME1=$(psql "$(url 1)" -Atc "SELECT min(id) + 1000 FROM participant WHERE challenge_id = (SELECT max(id) FROM challenge)")
echo "- a participant's logs summed (RECOMPUTE), 1 library: $(explain 1 "SELECT coalesce(sum(points), 0) FROM reading_log WHERE participant_id = $ME1 AND status = 'VALID'")"
echo "- the same, $LIBRARIES libraries: $(explain "$LIBRARIES" "$Q_TODAY")"
echo "- the same, partitioned, as written today: $(explain "$LIBRARIES" "$Q_TODAY" part,public)"
echo "- the same, partitioned, challenge in the predicate: $(explain "$LIBRARIES" "$Q_PRUNED" part,public)"
echo "- the catalogue's count, 1 library: $(explain 1 "$Q_CATALOGUE"); $LIBRARIES libraries: $(explain "$LIBRARIES" "$Q_CATALOGUE")"

# Retention: a closed challenge's logs removed, rolled back so the copy stays whole.
CLOSED=$(psql "$(url "$LIBRARIES")" -Atc "SELECT min(id) FROM challenge")
timed() { # search_path statement -> ms
  PGOPTIONS="-c search_path=$1" psql "$(url "$LIBRARIES")" -q -At <<SQL | awk '/^Time:/ {t += $2} END {print t}'
BEGIN;
\timing on
$2
\timing off
ROLLBACK;
SQL
}
echo "- removing one closed challenge's $(psql "$(url "$LIBRARIES")" -Atc "SELECT count(*) FROM reading_log WHERE challenge_id = $CLOSED") logs: DELETE on the plain table $(timed public "DELETE FROM reading_log WHERE challenge_id = $CLOSED;") ms; DETACH and DROP of its partition $(timed part,public "ALTER TABLE part.reading_log DETACH PARTITION part.reading_log_$CLOSED; DROP TABLE part.reading_log_$CLOSED;") ms"
echo "- sizes at $LIBRARIES libraries: $(psql "$(url "$LIBRARIES")" -Atc "SELECT 'reading_log ' || pg_size_pretty(pg_total_relation_size('public.reading_log')) || ', registration ' || pg_size_pretty(pg_total_relation_size('registration')) || ', participant ' || pg_size_pretty(pg_total_relation_size('participant'))")"
