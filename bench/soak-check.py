#!/usr/bin/env python3
# The soak's check (bench/soak.sh): the samples' table, then the verdicts. Reads, in WORK, what soak.sh saved: the
# client's ledger (ledger.json) and what the database holds (registrations.csv, events.csv, teens.csv, messages.csv,
# variants.csv). Run again on a kept WORK (SOAK_KEEP) to re-check a run.
#   bench/soak-check.py WORK CSV MINUTES POOL FEED_POSTS LOAD_START LOAD_END
import csv, json, sys
work, csv_path, minutes, pool, feed, load_start, load_end = sys.argv[1:]
T, pool, feed = float(minutes) * 60, int(pool), int(feed)
L = json.load(open(f"{work}/ledger.json"))
rows = lambda name: [l.split(",") for l in open(f"{work}/{name}").read().split()]
verdicts = []
def verdict(name, ok, detail):
    verdicts.append(ok)
    print(f"| {name} | {detail} | {'met' if ok else 'NOT met'} |")

samples = list(csv.DictReader(open(csv_path)))
t = lambda s: float(s["t_s"])
num = lambda s, k: float(s[k]) if s[k] not in ("", None) else float("nan")
print("\n| t (s) | requests | errors | req/s | p50 ms | p99 ms | RSS MB | heap MB | PG conns | NOTIFY queue | SSE events |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for s in samples:
    print(f"| {s['t_s']} | {s['requests']} | {s['errors']} | {s['rps']} | {s['p50_ms']} | {s['p99_ms']} | {s['rss_mb']} | {s['heap_mb']} | {s['pg_connections']} | {s['notify_queue_usage']} | {s['sse_events']} |")
kinds = [k[4:-3] for k in samples[0].keys() if k.startswith("p99_") and k != "p99_ms"] if samples else []
if samples:
    print("\n| p99 by kind (ms) | " + " | ".join(kinds) + " |\n|---|" + "---|" * len(kinds))
    print("| max over the samples | " + " | ".join(str(max((num(s, f'p99_{k}_ms') for s in samples if s[f'p99_{k}_ms']), default='')) for k in kinds) + " |")
print(f"\nrequests {L['totals']['requests']} in {L['totals']['seconds']} s; statuses: "
      + ", ".join(f"{k} x{v}" for k, v in sorted(L["statuses"].items())))
print(f"SSE: {L['totals']['sseEvents']} board events received, {L['totals']['sseDropped']} streams dropped")
print(f"load average at the start / end of the run: {load_start} / {load_end} ({__import__('os').cpu_count()} cores)")
for e in L["errors"][:10]:
    print("error:", e)

print("\n| Soak check | value | verdict |\n|---|---|---|")
verdict("errors (all calls, dropped SSE streams)", L["totals"]["errors"] == 0, str(L["totals"]["errors"]))

# Registrations: every 202 is exactly one row; every cancellation answered is CANCELLED; no row the client never made.
db = {}
for event, email, status in rows("registrations.csv"):
    db.setdefault((int(event), email), []).append(status)
answered = {(e, m) for e, m in L["registered"]}
cancelled = {(e, m) for e, m in L["cancelled"]}
lost = sum(1 for k in answered if k not in db)
doubled = sum(1 for k, v in db.items() if len(v) > 1) + sum(1 for k in db if k not in answered)
wrong = sum(1 for k in answered if k in db and ((db[k][0] == "CANCELLED") != (k in cancelled)))
verdict("registrations answered 202 = rows (lost / doubled or unknown)", lost == 0 and doubled == 0,
        f"{len(answered)} answered, {len(db)} rows; lost {lost}, doubled {doubled}")
verdict("cancellations applied (and only those)", wrong == 0, f"{len(cancelled)} cancelled; rows in the wrong state {wrong}")
bad_events, moved = [], 0
for eid, cap, counter, confirmed, waitlisted in rows("events.csv"):
    cap, counter, confirmed, waitlisted = int(cap), int(counter), int(confirmed), int(waitlisted)
    if cap >= 0 and waitlisted:
        moved += 1
    # confirmed <= capacity, the counter matches the rows, and no seat stays free while someone waits
    if counter != confirmed or (cap >= 0 and (confirmed > cap or (waitlisted and confirmed < cap))):
        bad_events.append((eid, cap, counter, confirmed, waitlisted))
verdict("confirmed <= capacity, counter = rows, no free seat with a waitlist", not bad_events,
        f"{len(rows('events.csv'))} events, {moved} with a waitlist; wrong: {bad_events or 'none'}")

# Reading logs: rows and points per teen = the logs answered 201 and their minutes (a point a minute).
bad_teens, logs_ok, logs_db = [], 0, 0
for teen, points, count, log_points, not_valid in rows("teens.csv"):
    mine = L["logs"].get(teen, {"count": 0, "minutes": 0})
    logs_ok += mine["count"]
    logs_db += int(count)
    if int(count) != mine["count"] or int(log_points) != mine["minutes"] or int(points) != int(log_points) or int(not_valid):
        bad_teens.append(teen)
verdict("reading-log rows = logs answered 201, points = minutes", not bad_teens,
        f"{logs_ok} answered, {logs_db} rows; teens off: {bad_teens or 'none'}")

(messages, distinct), = [(int(a), int(b)) for a, b in rows("messages.csv")]
unique = len(L["webhooks"]["unique"])
verdict("webhook messages stored = distinct deliveries", messages == distinct == unique,
        f"{unique} distinct + {L['webhooks']['repeats']} repeats sent; {messages} stored ({distinct} distinct ids)")
(variants, published, retried, external), = [tuple(map(int, r)) for r in rows("variants.csv")]
verdict("published variants = stand-in POSTs (none twice)", published == variants == feed == external and retried == 0,
        f"{published} of {variants} published; {feed} feed POSTs; {external} distinct post ids; {retried} retried")

# Flat: the mean of the last third against the mean of [T/6, T/2] (minutes 20-30 against 5-15 for 30 minutes).
def window(key, lo, hi):
    v = [num(s, key) for s in samples if lo < t(s) <= hi + 1 and s[key] != ""]
    return sum(v) / len(v) if v else float("nan")
for key, label in (("p99_ms", "p99"), ("rss_mb", "RSS")):
    early, late = window(key, T / 6, T / 2), window(key, 2 * T / 3, T)
    ratio = late / early if early else float("nan")
    verdict(f"{label} flat: mean of the last third <= 1.10 x mean of [T/6, T/2]", ratio <= 1.10,
            f"{early:.1f} -> {late:.1f} ({ratio:.2f})")
conn_bound = pool + 5  # the reactive pool, its LISTEN connection, the JDBC pool (at most 2), the sampler's and the token writer's psql
conns = max((num(s, "pg_connections") for s in samples), default=float("nan"))
verdict(f"PostgreSQL connections bounded (max <= pool {pool} + 5)", conns <= conn_bound, f"max {conns:.0f}")
queue = max((num(s, "notify_queue_usage") for s in samples), default=float("nan"))
verdict("NOTIFY queue bounded (max usage < 0.001 of the queue)", queue < 0.001, f"max {queue:g}")
ok = all(verdicts)
print(f"\nSoak {'met' if ok else 'NOT met'} ({len(samples)} samples over {float(minutes):g} min)")
sys.exit(0 if ok else 1)
