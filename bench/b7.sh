#!/usr/bin/env bash
# B7: a patron's first visit on a slow phone (issue 17 point 1). The packaged app with its demo data; Debian's chromium
# driven by playwright-core (frontend/node_modules) through the DevTools protocol: 400 kbit/s down and up, 400 ms of
# latency, an empty cache, a 360 x 800 viewport. On the home page and an event page whose registration is open:
# first contentful paint, when the registration form is usable (visible and enabled), bytes transferred and requests.
# The server is warmed up first (each page visited 3 times unthrottled, then 10 s to settle: B7_SETTLE_S), as a patron
# meets a server that has been running, not one still compiling its hot paths.
# Targets: FCP <= 1.5 s, form usable <= 3 s, <= 100 KB transferred. Exit status 0 when all are met.
#
# How to run (from the repository root):
#   cp -a /path/to/node_modules frontend/   # or: (cd frontend && npm ci)  (playwright-core; no browser is downloaded)
#   ./mvnw -B -q package -DskipTests        # the jar with the SPA inside (lib.sh builds it when it is missing)
#   BENCH_PORT=8303 BENCH_DB=serambi_bench bench/b7.sh
# Settings: B7_RUNS (5 visits a page, medians reported), B7_KBPS (400), B7_LATENCY_MS (400), B7_CHROMIUM
# (/usr/bin/chromium), B7_VERBOSE=1 (list each request of the first visit), B7_PAGES (default: "/ /acara/<id> /survei/<id>").
# Also those of lib.sh: BENCH_PORT, BENCH_DB, SERAMBI_DB_ADMIN_URL (a superuser URL to create the database).
source "$(dirname "$0")/lib.sh"
need node "Node 20"
CHROMIUM=${B7_CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }
[ -d frontend/node_modules/playwright-core ] || { echo "frontend/node_modules is missing: (cd frontend && npm ci)" >&2; exit 1; }
export SERAMBI_DEMO_ENABLED=true
start_app
# An upcoming event of the demo data whose registration is open (the demo data may still be loading: a few tries).
EVENT=
for _ in $(seq 1 120); do
  EVENT=$(api "localhost:$PORT/api/events?size=50" 2>/dev/null | python3 -c "
import json, sys
items = json.load(sys.stdin)['items']
print(next(e['id'] for e in items if e.get('registrationOpen')))" 2>/dev/null) && break
  sleep 2
done
[ -n "$EVENT" ] || { echo "no event open for registration in the demo data" >&2; exit 1; }
# The demo's anonymous "Survei layanan perpustakaan" (issue 20: the answering page keeps B7).
SURVEY=$(api -H "Authorization: Bearer $(admin_token)" "localhost:$PORT/api/surveys?status=PUBLISHED&size=50" | python3 -c "
import json, sys
print(next(s['id'] for s in json.load(sys.stdin)['items'] if s['access'] == 'ANONYMOUS'))") \
  || { echo "no anonymous published survey in the demo data" >&2; exit 1; }
load_note
# shellcheck disable=SC2086 # the pages are a list
node bench/b7.mjs "http://localhost:$PORT" ${B7_PAGES:-/ /acara/$EVENT /survei/$SURVEY}
