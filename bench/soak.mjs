#!/usr/bin/env node
// The soak's load client (bench/soak.sh). Node 20, no dependencies; loopback targets only.
//   node bench/soak.mjs CONFIG.json
// CONFIG (written by soak.sh): url, pid (the app's), db (name), dbUrl, minutes, sampleSeconds, rates (requests a
// second per kind), rateScale (a factor on all of them), cancelShare, events [ids], challenge, today, days, teens [tokens], whatsapp {secret, phoneNumberId},
// subscribers, csv (path), ledger (path).
// Open loop: each kind's i-th request leaves at start + i / rate whether or not earlier ones were answered, and its
// latency counts from that planned time, so a stalled server cannot hide its queue. Every sampleSeconds one CSV line:
// the window's requests, errors, p50/p99 (all and per kind), throughput, the app's RSS and heap, PostgreSQL
// connections of the database, NOTIFY queue usage and the SSE events received. At the end the ledger (what the client
// was told was written: registrations, cancellations, logs, webhook deliveries) goes to a JSON file that soak.sh checks
// against the database.
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { readFileSync, writeFileSync, appendFileSync, readdirSync } from 'node:fs';

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const base = new URL(cfg.url);
if (!['127.0.0.1', 'localhost'].includes(base.hostname)) throw new Error(`load only goes to this machine, not ${base.hostname}`);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const now = () => performance.now();
const run = String(Date.now());
const KINDS = ['catalogue', 'register', 'cancel', 'log', 'board', 'board_me', 'webhook', 'assistant'];

// Settles exactly once: on the answer's end, on any error or early close, or 30 s after it was sent (the agent's queue
// included), so that a stalled server shows as timeouts, never as a client waiting forever.
function request(method, path, body, headers = {}) {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r) => { if (!settled) { settled = true; clearTimeout(timer); resolve(r); } };
    const req = http.request({ agent, host: base.hostname, port: base.port, method, path, headers: {
      ...(body != null ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}), ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => settle({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
      res.on('error', (e) => settle({ status: `error:${e.code ?? e.message}`, body: '' }));
      res.on('close', () => settle({ status: 'error:closed', body: '' }));
    });
    const timer = setTimeout(() => { req.destroy(); settle({ status: 'error:timeout', body: '' }); }, 30_000);
    req.on('error', (e) => settle({ status: `error:${e.code ?? e.message}`, body: '' }));
    req.end(body ?? undefined);
  });
}
const sh = (cmd, args) => new Promise((resolve) => execFile(cmd, args, { timeout: 20_000 }, (err, out) => resolve(err ? null : out)));
const psql = (sql) => sh('psql', ['-Atq', '-v', 'ON_ERROR_STOP=1', cfg.dbUrl, '-c', sql]);

// What the client was told, for the database check at the end.
const ledger = { run, registered: [], cancelled: [], logs: {}, webhooks: { unique: [], repeats: 0 }, statuses: {}, errors: [] };
// The current window's latencies per kind, and the running totals.
let win = Object.fromEntries(KINDS.map((k) => [k, []]));
let winErrors = 0;
let winSse = 0;
let totalRequests = 0;
let totalErrors = 0;
let sseEvents = 0;
let sseOpen = 0;
let sseDropped = 0;
let stopping = false;

function record(kind, planned, r, ok) {
  const ms = now() - planned;
  win[kind].push(ms);
  totalRequests++;
  const key = `${kind} ${r.status}`;
  ledger.statuses[key] = (ledger.statuses[key] ?? 0) + 1;
  if (!ok) {
    winErrors++;
    totalErrors++;
    if (ledger.errors.length < 50) ledger.errors.push({ kind, status: r.status, body: r.body.slice(0, 300) });
  }
}
const is2xx = (r) => typeof r.status === 'number' && r.status >= 200 && r.status < 300;

// --- the kinds -------------------------------------------------------------------------------------------------------
const QUESTIONS = [['Jam berapa perpustakaan buka?', 'id'], ['Bagaimana cara membuat kartu anggota?', 'id'],
  ['Berapa lama boleh meminjam buku?', 'id'], ['What are the opening hours?', 'en'], ['Apakah ada wifi gratis?', 'id'],
  ['Bagaimana cara mendaftar acara?', 'id'], ['jam bukaa perpustakan', 'id'], ['Siapa presiden pertama?', 'id']];
const auth = (token) => ({ authorization: `Bearer ${token}` });
const cancelQueue = []; // {event, email, at}: registrations the patron will cancel
const sent = []; // the last 2,000 webhook deliveries sent, to repeat some (a client that kept them all grew its heap all run)

function delivery(n) {
  const waId = `6289${String(10000000 + n)}`;
  const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes: [{ field: 'messages',
    value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: cfg.whatsapp.phoneNumberId },
      contacts: [{ profile: { name: `Pemustaka ${n}` }, wa_id: waId }],
      messages: [{ from: waId, id: `wamid.SOAK${run}${String(n).padStart(8, '0')}`, timestamp: String(Math.floor(Date.now() / 1000)),
        type: 'text', text: { body: `Halo, apakah buku Laskar Pelangi tersedia? (${n})` } }] } }] }] });
  return { id: `wamid.SOAK${run}${String(n).padStart(8, '0')}`,
    body, signature: 'sha256=' + createHmac('sha256', cfg.whatsapp.secret).update(body).digest('hex') };
}

const senders = {
  async catalogue(i, planned) {
    const r = await request('GET', '/api/events');
    record('catalogue', planned, r, r.status === 200);
  },
  async register(i, planned) {
    const event = cfg.events[i % cfg.events.length];
    const email = `soak${i}.${run}@bench.serambi.id`;
    const r = await request('POST', `/api/events/${event}/registrations`, JSON.stringify({ name: `Pemustaka ${i}`, email }));
    record('register', planned, r, r.status === 202);
    if (r.status === 202) {
      ledger.registered.push([event, email]);
      if (!stopping && (i * 7919) % 1000 < cfg.cancelShare * 1000) cancelQueue.push({ event, email, at: now() });
    }
  },
  async log(i, planned) {
    const teen = i % cfg.teens.length;
    const minutes = 1 + (i % 5);
    // Spread over the challenge's days so that no teen's day nears the 600-minute review threshold.
    const day = new Date(Date.parse(`${cfg.today}T00:00:00Z`) - (Math.floor(i / cfg.teens.length) % cfg.days) * 86_400_000);
    const r = await request('POST', `/api/challenges/${cfg.challenge}/logs`, JSON.stringify({ title: 'Laskar Pelangi',
      author: 'Andrea Hirata', minutes, finished: false, readOn: day.toISOString().slice(0, 10) }), auth(cfg.teens[teen]));
    record('log', planned, r, r.status === 201);
    if (r.status === 201) {
      const l = (ledger.logs[teen] ??= { count: 0, minutes: 0 });
      l.count++;
      l.minutes += minutes;
    }
  },
  async board(i, planned) {
    const r = await request('GET', `/api/challenges/${cfg.challenge}/leaderboard?limit=10`);
    record('board', planned, r, r.status === 200);
  },
  async board_me(i, planned) {
    const r = await request('GET', `/api/challenges/${cfg.challenge}/leaderboard?limit=10`, null, auth(cfg.teens[i % cfg.teens.length]));
    let ok = r.status === 200;
    if (ok) try { ok = JSON.parse(r.body).me?.rank > 0; } catch { ok = false; }
    record('board_me', planned, r, ok);
  },
  async webhook(i, planned) {
    let d;
    if (i % 10 === 9 && sent.length) { // Meta retries: an earlier delivery again, byte for byte
      d = sent[(i * 7919) % sent.length];
      ledger.webhooks.repeats++;
    } else {
      d = delivery(ledger.webhooks.unique.length);
      ledger.webhooks.unique.push(d.id);
      sent.push(d);
      if (sent.length > 2000) sent.shift();
    }
    const r = await request('POST', '/api/webhooks/whatsapp', d.body, { 'x-hub-signature-256': d.signature });
    record('webhook', planned, r, r.status === 200);
  },
  async assistant(i, planned) {
    const [question, language] = QUESTIONS[i % QUESTIONS.length];
    const r = await request('POST', '/api/assistant/questions', JSON.stringify({ question, language }));
    record('assistant', planned, r, r.status === 200);
  },
};

// Cancellations: the manage token is e-mailed, so the client gives each registration it cancels a token of its own
// through the database (the SHA-256 the app keeps, as ManageTokens does), then DELETE /api/registrations/{token}.
// Every 2 s the registrations queued at least 1 s ago get tokens in one statement and are cancelled over the next 2 s.
async function cancelBatch() {
  const ready = [];
  while (cancelQueue.length && (stopping || now() - cancelQueue[0].at > 1000)) ready.push(cancelQueue.shift());
  if (!ready.length) return;
  const items = ready.map((c) => ({ ...c, token: randomBytes(32).toString('base64url') }));
  const values = items.map((c) => `(${Number(c.event)}, '${c.email}', '${createHash('sha256').update(c.token).digest('hex')}')`).join(',');
  const out = await psql(`INSERT INTO registration_token (registration_id, token_hash, created_at)
    SELECT r.id, v.hash, now() FROM (VALUES ${values}) v(event, email, hash)
      JOIN registration r ON r.event_id = v.event AND lower(r.email) = lower(v.email) AND r.status <> 'CANCELLED'`);
  if (out == null) ledger.errors.push({ kind: 'cancel', status: 'psql failed' });
  const spacing = 2000 / items.length;
  await Promise.all(items.map((c, k) => new Promise((done) => setTimeout(async () => {
    const planned = now();
    const r = await request('DELETE', `/api/registrations/${c.token}`);
    let ok = r.status === 200;
    if (ok) try { ok = JSON.parse(r.body).status === 'CANCELLED'; } catch { ok = false; }
    record('cancel', planned, r, ok);
    if (ok) ledger.cancelled.push([c.event, c.email]);
    done();
  }, k * spacing))));
}

// --- SSE subscribers ---------------------------------------------------------------------------------------------------
// On a worker thread of their own (bench/soak-sse.mjs), so that parsing their events never delays this thread's timing.
// Its counts arrive every 250 ms; a stream that drops after it opened is an error.
const sse = new Worker(new URL('./soak-sse.mjs', import.meta.url), { workerData: { host: base.hostname, port: Number(base.port),
  path: `/api/challenges/${cfg.challenge}/leaderboard/stream?limit=10`, subscribers: cfg.subscribers } });
let sseLast = { events: 0, dropped: 0 };
function onSseCounts(m) {
  winSse += m.events - sseLast.events;
  const drops = m.dropped - sseLast.dropped;
  winErrors += drops;
  totalErrors += drops;
  sseEvents = m.events;
  sseOpen = m.open;
  sseDropped = m.dropped + m.refused;
  sseLast = m;
}
sse.on('error', (e) => { console.error(`soak: the SSE worker failed: ${e.message}`); process.exit(2); });
await new Promise((connected) => sse.on('message', (m) => { onSseCounts(m); if (m.type === 'connected') connected(); }));
console.error(`soak: ${sseOpen} of ${cfg.subscribers} SSE subscribers connected`);
// Subscribers never connected are errors too.
const sseMissing = cfg.subscribers - sseOpen;
totalErrors += sseMissing;

// --- sampling ------------------------------------------------------------------------------------------------------------
const percentile = (s, p) => (s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN);
const r1 = (v) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : '');
const header = ['t_s', 'requests', 'errors', 'rps', 'p50_ms', 'p99_ms', ...KINDS.map((k) => `p99_${k}_ms`),
  'rss_mb', 'heap_mb', 'pg_connections', 'notify_queue_usage', 'sse_events', 'sse_open', 'app_cpu_pct', 'pg_cpu_pct',
  'client_cpu_pct', 'client_loop_p99_ms', 'client_loop_max_ms', 'gc_young', 'gc_young_ms', 'gc_full', 'gc_full_ms'];
// This client's own event-loop delay over the window: a latency the client adds to every call it times (500 streams and
// 240 calls a second share one thread), so a tail that grows here is the measurer's, not the app's.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
function loopMs() { // the histogram holds the intervals of a 10 ms timer: the lag is what exceeds the 10 ms
  const v = [loop.percentile(99) / 1e6 - 10, loop.max / 1e6 - 10].map((ms) => r1(Math.max(0, ms)));
  loop.reset();
  return v;
}
writeFileSync(cfg.csv, header.join(',') + '\n');
// CPU time (of a core, in %) over the window: the app's process, PostgreSQL's live processes together (a backend that
// exited takes its time with it), and this client's. Clock ticks of 1/100 s (Linux's USER_HZ).
function ticks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch { return 0; }
}
function postgresTicks() {
  let sum = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try { if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') sum += ticks(pid); } catch { /* gone */ }
  }
  return sum;
}
let cpuBefore = { app: ticks(cfg.pid), pg: postgresTicks(), client: process.cpuUsage(), at: now() };
function cpuPct() {
  const after = { app: ticks(cfg.pid), pg: postgresTicks(), client: process.cpuUsage(), at: now() };
  const seconds = (after.at - cpuBefore.at) / 1000;
  const client = process.cpuUsage(cpuBefore.client);
  const pct = [(after.app - cpuBefore.app) / seconds, Math.max(0, after.pg - cpuBefore.pg) / seconds,
    (client.user + client.system) / 1e4 / seconds].map(r1);
  cpuBefore = after;
  return pct;
}
// The heap in use (survivors, eden, old), and the collector's work over the window: young and full collections and
// their pause time (jstat's cumulative counters, differenced).
let gcBefore = null;
async function heapAndGc() {
  const out = await sh('jstat', ['-gc', String(cfg.pid)]);
  if (!out) return ['', '', '', '', ''];
  const [names, values] = out.trim().split('\n').map((l) => l.trim().split(/\s+/));
  const v = (n) => Number(values[names.indexOf(n)]);
  const used = ['S0U', 'S1U', 'EU', 'OU'].reduce((s, n) => s + v(n), 0);
  const gc = { ygc: v('YGC'), ygct: v('YGCT'), fgc: v('FGC'), fgct: v('FGCT') };
  const before = gcBefore ?? gc;
  gcBefore = gc;
  return [Math.round(used / 1024), gc.ygc - before.ygc, r1((gc.ygct - before.ygct) * 1000), gc.fgc - before.fgc,
    r1((gc.fgct - before.fgct) * 1000)];
}
heapAndGc(); // the counters at the start
async function sample(startedAt) {
  const w = win;
  const errors = winErrors;
  const sse = winSse;
  win = Object.fromEntries(KINDS.map((k) => [k, []]));
  winErrors = 0;
  winSse = 0;
  const all = Object.values(w).flat().sort((a, b) => a - b);
  let rss = '';
  try { rss = Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${cfg.pid}/status`, 'utf8'))[1]) / 1024); } catch { /* gone */ }
  const [[heap, ...gc], pg] = await Promise.all([heapAndGc(), psql(`SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = '${cfg.db}'), pg_notification_queue_usage()`)]);
  const [conns, queue] = (pg ?? '|').trim().split('|');
  const line = [Math.round((now() - startedAt) / 1000), all.length, errors, r1(all.length / cfg.sampleSeconds),
    r1(percentile(all, 50)), r1(percentile(all, 99)),
    ...KINDS.map((k) => r1(percentile(w[k].sort((a, b) => a - b), 99))), rss, heap, conns, queue, sse, sseOpen, ...cpuPct(), ...loopMs(), ...gc];
  appendFileSync(cfg.csv, line.join(',') + '\n');
  console.error(`soak: ${line.join(',')}`);
}

// --- the schedule --------------------------------------------------------------------------------------------------------
const duration = cfg.minutes * 60_000;
const start = now();
const next = Object.fromEntries(Object.keys(senders).map((k) => [k, 0]));
const pending = new Set();
const fire = (p) => { pending.add(p); p.finally(() => pending.delete(p)); };
const cancelTimer = setInterval(() => fire(cancelBatch()), 2000);
const samples = Math.round(duration / 1000 / cfg.sampleSeconds);
let sampled = 0;
const sampleTimer = setInterval(() => { if (sampled < samples) { sampled++; fire(sample(start)); } }, cfg.sampleSeconds * 1000);
await new Promise((done) => {
  const tick = () => {
    const elapsed = now() - start;
    for (const [kind, send] of Object.entries(senders)) {
      const rate = (cfg.rates[kind] ?? 0) * (cfg.rateScale ?? 1);
      if (!rate) continue;
      while (next[kind] * 1000 / rate <= Math.min(elapsed, duration)) {
        const i = next[kind]++;
        fire(send(i, start + i * 1000 / rate));
      }
    }
    if (elapsed < duration) setTimeout(tick, 2); else done();
  };
  tick();
});
// A watchdog: the client never outlives its schedule by more than 4 minutes (soak.sh then stops, without a ledger).
setTimeout(() => { console.error('soak: the client did not finish; stopped'); process.exit(2); }, 240_000).unref();
// The end: the last sample, the requests in flight, and the cancellations still queued.
while (sampled < samples) await new Promise((r) => setTimeout(r, 100));
clearInterval(sampleTimer);
clearInterval(cancelTimer);
const drainUntil = now() + 60_000;
while (pending.size && now() < drainUntil) await Promise.race([...pending, new Promise((r) => setTimeout(r, 1000))]);
stopping = true;
await cancelBatch();
await new Promise((stopped) => { sse.on('message', (m) => { if (m.type === 'stopped') stopped(); }); sse.postMessage('stop'); });
await sse.terminate();
agent.destroy();
ledger.totals = { requests: totalRequests, errors: totalErrors, sseEvents, sseDropped, sseMissing, inFlightAtEnd: pending.size,
  seconds: Math.round((now() - start) / 100) / 10 };
writeFileSync(cfg.ledger, JSON.stringify(ledger));
console.error(`soak: ${totalRequests} requests, ${totalErrors} errors, ${sseEvents} SSE events`);
process.exit(0);
