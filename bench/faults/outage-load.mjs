// Load during a database outage (run by outage.sh). Registrations and leaderboard reads run the whole time, a health
// poller watches /q/health/ready and an SSE client follows the leaderboard stream. The database is stopped for
// OUTAGE_S seconds through the shell commands PG_STOP / PG_START; after it is back, a reading log is posted and the
// SSE client must see it. Every response is recorded; the summary is JSON on stdout, the raw records in RECORDS.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const env = process.env;
const BASE = env.BASE;
// Health is on the management interface, its own port.
const MANAGEMENT_BASE = env.MANAGEMENT_BASE ?? BASE;
const EVENT = env.EVENT;
const CHALLENGE = env.CHALLENGE;
const TEEN_TOKEN = env.TEEN_TOKEN;
const NICKNAME = env.NICKNAME;
const OUTAGE_S = Number(env.OUTAGE_S ?? 10);
const BEFORE_S = Number(env.BEFORE_S ?? 5);
const AFTER_S = Number(env.AFTER_S ?? 15);
const REGISTRARS = Number(env.REGISTRARS ?? 6);
const READERS = Number(env.READERS ?? 3);
const TIMEOUT_MS = 30_000; // a request still open after this counts as hung

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const records = [];
let stopping = false;
let seq = 0;

async function call(kind, url, init = {}) {
  const started = now();
  const record = { kind, started };
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    record.status = res.status;
    record.type = (res.headers.get('content-type') ?? '').split(';')[0];
    record.retryAfter = res.headers.get('retry-after');
    const text = await res.text();
    record.body = text;
  } catch (e) {
    record.status = e.name === 'TimeoutError' ? 'timeout' : 'network';
    record.error = String(e.message ?? e);
  }
  record.ended = now();
  record.ms = record.ended - record.started;
  records.push(record);
  return record;
}

async function registrar(worker) {
  while (!stopping) {
    const email = `o${worker}-${seq++}@outage.serambi.id`;
    const r = await call('register', `${BASE}/api/events/${EVENT}/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `Pengunjung ${email}`, email }),
    });
    r.email = email;
    // 202 for every registration (the answer carries no id): the database is checked by e-mail.
    if (r.status !== 202) await sleep(50); // a client backs off a little after a failure
    if (r.status === 202) delete r.body;
  }
}

async function reader() {
  while (!stopping) {
    const r = await call('leaderboard', `${BASE}/api/challenges/${CHALLENGE}/leaderboard?limit=10`);
    if (r.status === 200) delete r.body;
    else await sleep(50);
  }
}

const health = [];
async function healthPoller() {
  while (!stopping) {
    const started = now();
    let status;
    try {
      const res = await fetch(`${MANAGEMENT_BASE}/q/health/ready`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      status = (await res.json()).status ?? res.status;
    } catch (e) {
      status = 'error';
    }
    health.push({ started, ended: now(), status });
    await sleep(100);
  }
}

// A minimal EventSource: reconnects one second after the stream ends, as a browser would.
const sse = { boards: [], opened: [], closed: [] };
async function sseClient() {
  while (!stopping) {
    try {
      const res = await fetch(`${BASE}/api/challenges/${CHALLENGE}/leaderboard/stream`, {
        headers: { Accept: 'text/event-stream' },
      });
      sse.opened.push({ at: now(), status: res.status });
      if (res.status === 200) {
        const decoder = new TextDecoder();
        let buffer = '';
        for await (const chunk of res.body) {
          buffer += decoder.decode(chunk, { stream: true });
          let cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const data = message.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('\n');
            if (data) sse.boards.push({ at: now(), data });
          }
          if (stopping) break;
        }
      } else {
        await res.text();
      }
    } catch (e) {
      // connection refused or reset: retry below
    }
    sse.closed.push({ at: now() });
    if (!stopping) await sleep(1000);
  }
}

const shell = (cmd) => execSync(cmd, { stdio: 'inherit' });

const workers = [healthPoller(), sseClient()];
for (let i = 0; i < REGISTRARS; i++) workers.push(registrar(i));
for (let i = 0; i < READERS; i++) workers.push(reader());

await sleep(BEFORE_S * 1000);
const downAt = now();
shell(env.PG_STOP);
const stoppedAt = now();
await sleep(OUTAGE_S * 1000 - (stoppedAt - downAt));
const upCmdAt = now();
shell(env.PG_START);
const upAt = now(); // pg_ctl -w returned: the database accepts connections again

// After recovery a teen logs reading; the open (or reopened) SSE stream must show it.
const firstOk = async () => {
  while (!records.some((r) => r.kind === 'register' && r.started >= upAt && r.status === 202)) await sleep(50);
};
await Promise.race([firstOk(), sleep(10_000)]);
const pagesBefore = Number(env.PAGES_BEFORE ?? 0);
const log = await call('log', `${BASE}/api/challenges/${CHALLENGE}/logs`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEEN_TOKEN}` },
  body: JSON.stringify({ title: 'Ronggeng Dukuh Paruk', author: 'Ahmad Tohari', pages: 123, readOn: env.TODAY }),
});
const expected = `"nickname":"${NICKNAME}","points":${pagesBefore + 123}`;
let seenAt = null;
const deadline = now() + 15_000;
while (seenAt === null && now() < deadline) {
  const hit = sse.boards.find((b) => b.at >= log.started && b.data.includes(expected));
  if (hit) seenAt = hit.at;
  else await sleep(50);
}
await sleep(Math.max(0, upAt + AFTER_S * 1000 - now()));
stopping = true;
await Promise.race([Promise.all(workers), sleep(TIMEOUT_MS + 2000)]);

writeFileSync(env.RECORDS, JSON.stringify({ records, health, sse }, null, 0));
const acknowledged = records.filter((r) => r.kind === 'register' && r.status === 202);
writeFileSync(env.ACKED, acknowledged.map((r) => r.email).join('\n') + '\n');

// ---- summary ----
const inOutage = (r) => r.ended > downAt && r.started < upAt;
const failed = records.filter((r) => r.kind !== 'log' && inOutage(r) && !(r.status >= 200 && r.status < 300));
const waited = (r) => r.ended - Math.max(r.started, downAt);
const byStatus = (list) => list.reduce((m, r) => ((m[`${r.status} ${r.type ?? ''}`.trim()] = (m[`${r.status} ${r.type ?? ''}`.trim()] ?? 0) + 1), m), {});
const problemOk = (r) => r.status === 503 && r.type === 'application/problem+json' && r.retryAfter !== null
  && JSON.parse(r.body).status === 503;
const firstSuccess = (kind) => {
  const ok = records.filter((r) => r.kind === kind && r.started >= upAt && r.status >= 200 && r.status < 300)
    .sort((a, b) => a.ended - b.ended)[0];
  return ok ? (ok.ended - upAt) / 1000 : null;
};
const healthDuring = health.filter((h) => h.started > downAt + 1000 && h.ended < upCmdAt);
const firstDown = health.find((h) => h.started >= downAt && h.status === 'DOWN');
const firstUpAgain = health.find((h) => h.started >= upAt && h.status === 'UP');
const phase = (from, to) => records.filter((r) => r.kind !== 'log' && r.started >= from && r.started < to);
const summary = {
  window: { beforeS: BEFORE_S, outageS: (upAt - downAt) / 1000, stopTookS: (stoppedAt - downAt) / 1000 },
  requests: {
    total: records.length,
    before: byStatus(phase(0, downAt)),
    duringOutage: byStatus(records.filter((r) => r.kind !== 'log' && inOutage(r))),
    after: byStatus(phase(upAt, Infinity)),
  },
  failedDuringOutage: {
    count: failed.length,
    // how long a client waited for its failure because of the outage: from its request, or from the stop when the
    // request was already under way (a request queued behind others before the stop is not the outage's doing)
    maxLatencyS: failed.length ? Math.max(...failed.map(waited)) / 1000 : null,
    p99LatencyS: failed.length ? failed.map(waited).sort((a, b) => a - b)[Math.floor(failed.length * 0.99)] / 1000 : null,
    startedInOutage: failed.filter((r) => r.started >= downAt).length,
    maxStartedInOutageS: Math.max(0, ...failed.filter((r) => r.started >= downAt).map((r) => r.ms)) / 1000,
    inFlightAtStop: failed.filter((r) => r.started < downAt).length,
    maxInFlightAfterStopS: Math.max(0, ...failed.filter((r) => r.started < downAt).map((r) => r.ended - downAt)) / 1000,
    all503Problem: failed.every(problemOk),
    notProblem503: failed.filter((r) => !problemOk(r)).slice(0, 5).map((r) => ({ status: r.status, type: r.type, body: (r.body ?? r.error ?? '').slice(0, 200) })),
    sample: failed.find(problemOk)?.body,
  },
  health: {
    firstDownAfterS: firstDown ? (firstDown.ended - downAt) / 1000 : null,
    pollsDuringOutage: healthDuring.length,
    downDuringOutage: healthDuring.filter((h) => h.status === 'DOWN').length,
    maxPollS: healthDuring.length ? Math.max(...healthDuring.map((h) => h.ended - h.started)) / 1000 : null,
    upAgainAfterS: firstUpAgain ? (firstUpAgain.ended - upAt) / 1000 : null,
  },
  recovery: { firstRegistrationS: firstSuccess('register'), firstLeaderboardS: firstSuccess('leaderboard') },
  sse: {
    connections: sse.opened.length,
    boards: sse.boards.length,
    logStatus: log.status,
    logSeenAfterS: seenAt ? (seenAt - log.started) / 1000 : null,
    logPostedAfterUpS: (log.started - upAt) / 1000,
  },
  acknowledged: acknowledged.length,
  hung: records.filter((r) => r.status === 'timeout').length,
  status5xxNot503: records.filter((r) => typeof r.status === 'number' && r.status >= 500 && r.status !== 503).length,
};
console.log(JSON.stringify(summary, null, 2));
process.exit(0);
