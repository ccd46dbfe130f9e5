#!/usr/bin/env bash
# Issue 16's outside check, re-runnable: Stoplight Prism as a validating proxy in front of the packaged app with demo
# data, and bench/contract-traffic.mjs sending every callable GET operation (and a registration) through it. Prism
# reports each answer that is outside the OpenAPI document; the figure is the number of such violations (want 0).
# PRISM_VERSION (5.14.2) is fetched by npx into npm's cache, not into the project.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need node "Node.js 20+"
PRISM_PORT=${PRISM_PORT:-4010}
PRISM_LOG=/tmp/serambi-prism-$PRISM_PORT.log
SERAMBI_DEMO_ENABLED=true start_app fresh
curl -sf "localhost:$PORT/q/openapi?format=json" -o /tmp/serambi-openapi-$PORT.json
setsid npx --yes "@stoplight/prism-cli@${PRISM_VERSION:-5.14.2}" proxy /tmp/serambi-openapi-$PORT.json "http://127.0.0.1:$PORT" \
  --port "$PRISM_PORT" --host 127.0.0.1 --errors=false > "$PRISM_LOG" 2>&1 &
PRISM=$!
trap 'kill -- -$PRISM 2>/dev/null; stop_app' EXIT
for _ in $(seq 1 600); do grep -q "Prism is listening" "$PRISM_LOG" && break; sleep 0.2; done
grep -q "Prism is listening" "$PRISM_LOG" || { echo "Prism did not start; see $PRISM_LOG" >&2; exit 1; }
BASE="http://127.0.0.1:$PRISM_PORT" DOC_URL="http://127.0.0.1:$PORT/q/openapi?format=json" \
  ADMIN_EMAIL=bench-admin@serambi.id ADMIN_PASSWORD=bench-admin-password node bench/contract-traffic.mjs | tee /tmp/serambi-contract-calls.txt
sleep 1
violations=$(grep -c "Violation" "$PRISM_LOG" || true)
echo "| Prism proxy, $(tail -1 /tmp/serambi-contract-calls.txt) | violations: $violations |"
grep "Violation" "$PRISM_LOG" | sed 's/\x1b\[[0-9;]*m//g' | sort | uniq -c | sort -rn | head -40
