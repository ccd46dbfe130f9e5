#!/usr/bin/env bash
# B6: the SPA's first load. Gzip sizes of what index.html loads (the entry script, its preloaded modules and the
# stylesheet), then Lighthouse (mobile preset: simulated slow 4G and a mid-range phone) with Debian's chromium on the
# home page, an event page and a challenge's leaderboard page, served by the packaged app with its demo data.
# Needs: node/npx (lighthouse is fetched by npx into the npm cache, never into the project), chromium
# (apt-get install -y chromium), a packaged backend.
source "$(dirname "$0")/lib.sh"
need node "Node 20"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }
LIGHTHOUSE=${BENCH_LIGHTHOUSE:-lighthouse@12.8.2}
DIST=frontend/dist
[ -f "$DIST/index.html" ] || (cd frontend && npm run build)
export SERAMBI_DEMO_ENABLED=true
start_app
EVENT=$(api "localhost:$PORT/api/events?size=1" | json "['items'][0]['id']")
CHALLENGE=$(api "localhost:$PORT/api/challenges" | python3 -c "import json,sys; d=json.load(sys.stdin); d=d['items'] if isinstance(d, dict) else d; print(d[0]['id'])")
OUT=$(mktemp -d)
load_note
for page in "/" "/acara/$EVENT" "/tantangan/$CHALLENGE"; do
  name=$(echo "$page" | tr '/' '_')
  # Lighthouse now and then fails to record its trace (NO_NAVSTART): try up to three times.
  for attempt in 1 2 3; do
    npx --yes "$LIGHTHOUSE" "http://localhost:$PORT$page" --quiet --output=json --output-path="$OUT/lh$name.json" \
      --only-categories=performance,accessibility --form-factor=mobile \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
      && python3 -c "import json,sys; sys.exit(json.load(open(sys.argv[1]))['categories']['performance']['score'] is None)" "$OUT/lh$name.json" \
      && break
    echo "lighthouse failed on $page (attempt $attempt)" >&2
  done
done
python3 - "$DIST" "$OUT" <<'PY'
import glob, gzip, json, os, re, sys
dist, out = sys.argv[1:]
html = open(os.path.join(dist, "index.html")).read()
js = re.findall(r'<script[^>]+src="([^"]+\.js)"', html) + re.findall(r'<link rel="modulepreload"[^>]+href="([^"]+)"', html)
css = re.findall(r'<link rel="stylesheet"[^>]+href="([^"]+)"', html)
gz = lambda p: len(gzip.compress(open(os.path.join(dist, p.lstrip("/")), "rb").read(), 9))
js_kb, css_kb = sum(map(gz, js)) / 1024, sum(map(gz, css)) / 1024
print(f"\n| B6 first load (index.html) | files | gzip |\n|---|---|---|")
print(f"| JavaScript | {len(js)} | {js_kb:.1f} KB |\n| CSS | {len(css)} | {css_kb:.1f} KB |")
print(f"\ninitial JS {js_kb:.1f} KB gzip (target <= 100 KB: {'met' if js_kb <= 100 else 'NOT met'})")
print("\n| B6 Lighthouse, mobile | performance | accessibility | FCP | LCP | TBT | CLS | scripts transferred |")
print("|---|---|---|---|---|---|---|---|")
ok = True
for f in sorted(glob.glob(os.path.join(out, "lh*.json"))):
    r = json.load(open(f))
    cat, a = r["categories"], r["audits"]
    if cat["performance"]["score"] is None or cat["accessibility"]["score"] is None:
        print(f"| {r['requestedUrl']} | failed: {r.get('runtimeError', {}).get('code', 'no score')} | | | | | | |")
        ok = False
        continue
    perf, acc = round(cat["performance"]["score"] * 100), round(cat["accessibility"]["score"] * 100)
    ok &= perf >= 90 and acc == 100
    scripts = next((i["transferSize"] for i in a["resource-summary"]["details"]["items"] if i["resourceType"] == "script"), 0)
    print(f"| {r['requestedUrl'].split(':', 2)[2].split('/', 1)[1] or '/'} | {perf} | {acc} | {a['first-contentful-paint']['displayValue']} "
          f"| {a['largest-contentful-paint']['displayValue']} | {a['total-blocking-time']['displayValue']} "
          f"| {a['cumulative-layout-shift']['displayValue']} | {scripts / 1024:.1f} KB |")
    for audit in cat["accessibility"]["auditRefs"]:
        if a[audit["id"]].get("score") is not None and a[audit["id"]]["score"] < 1 and audit["weight"] > 0:
            print(f"  accessibility: {audit['id']}: {a[audit['id']]['title']}")
print(f"\nperformance >= 90 and accessibility 100 on every page: {'met' if ok else 'NOT met'}")
PY
rm -rf "$OUT"
