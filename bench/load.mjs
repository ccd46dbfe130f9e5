#!/usr/bin/env node
// The bench scripts' load client, for work wrk cannot express. Node 20, no dependencies; loopback targets only.
//   node bench/load.mjs burst URL COUNT CONCURRENCY        POST COUNT registrations (distinct patrons) by CONCURRENCY clients
//                                                          (URL may be a comma-separated list, one per instance: the
//                                                          clients take them in turn, and the answer has byTarget)
//   node bench/load.mjs rate URL RATE SECONDS [HEADER]     GET at a fixed arrival rate (latency from the planned start)
//   node bench/load.mjs sse URL COUNT TRIGGER_CMD          COUNT subscribers; then runs TRIGGER_CMD and times the update
// Each prints one JSON line: counts by status, p50/p99/max in ms, and the achieved rate.
import http from 'node:http';
import net from 'node:net';
import { exec, execSync } from 'node:child_process';
import { isBoard, sseEvents } from './sse-events.mjs';

const [mode, target, ...args] = process.argv.slice(2);
const targets = (target ?? 'http://127.0.0.1/').split(',').map((t) => new URL(t));
const url = targets[0];
for (const t of targets) {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(t.hostname)) {
    throw new Error(`load only goes to this machine, not ${t.hostname}`);
  }
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);
function summary(latencies, extra) {
  const s = [...latencies].sort((a, b) => a - b);
  const ms = (v) => (v == null ? null : Math.round(v * 100) / 100);
  return { count: s.length, p50: ms(percentile(s, 50)), p99: ms(percentile(s, 99)), p999: ms(percentile(s, 99.9)),
    max: ms(s[s.length - 1]), ...extra };
}

function request(agent, method, path, body, headers = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request({ agent, host: url.hostname, port: url.port, method, path, headers: {
      ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}), ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString(), ms: performance.now() - started }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: `error:${e.code ?? e.message}`, body: '', ms: performance.now() - started }));
    req.end(body);
  });
}

function count(map, key) {
  map[key] = (map[key] ?? 0) + 1;
}

// One keep-alive connection speaking just enough HTTP/1.1 for the burst (a request with a JSON body; an answer with
// Content-Length, as the API sends them), so that the client's own CPU, on the same cores as the server, stays small:
// node:http's agent and streams cost about 0.3 ms a request here, this about a third of that.
function connection(to = url) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: to.hostname, port: Number(to.port) });
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let waiting = null;
    const settle = (answer) => {
      const w = waiting;
      waiting = null;
      w?.resolve({ ...answer, ms: performance.now() - w.started });
    };
    socket.on('data', (chunk) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0 || !waiting) return;
      const head = buffer.toString('latin1', 0, end);
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? NaN);
      if (Number.isNaN(length)) {
        settle({ status: 'error:no-content-length', body: '' });
        socket.destroy();
        return;
      }
      if (buffer.length < end + 4 + length) return;
      const body = buffer.toString('utf8', end + 4, end + 4 + length);
      buffer = buffer.subarray(end + 4 + length);
      settle({ status: Number(head.slice(9, 12)), body });
    });
    socket.on('error', (e) => {
      settle({ status: `error:${e.code ?? e.message}`, body: '' });
      reject(e);
    });
    socket.on('close', () => settle({ status: 'error:closed', body: '' }));
    socket.on('connect', () => resolve({
      to,
      post(path, body) {
        return new Promise((done) => {
          if (socket.destroyed) {
            done({ status: 'error:closed', body: '', ms: 0 });
            return;
          }
          waiting = { resolve: done, started: performance.now() };
          socket.write(`POST ${path} HTTP/1.1\r\nHost: ${to.host}\r\nContent-Type: application/json\r\n`
            + `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        });
      },
      close: () => socket.end(),
    }));
  });
}

async function burst(total, concurrency) {
  const statuses = {};
  const outcomes = {};
  const latencies = [];
  const byOutcome = {};
  let next = 0;
  const run = String(Date.now());
  const byTarget = targets.map(() => []);
  // The clients' connections are open before the clock starts; client i goes to target i mod n (round robin).
  const connections = await Promise.all(Array.from({ length: concurrency }, (_, i) => connection(targets[i % targets.length])));
  const started = performance.now();
  async function client(conn) {
    while (next < total) {
      const i = next++;
      const body = JSON.stringify({ name: `Pembaca ${i}`, email: `pembaca${i}.${run}@bench.serambi.id` });
      const r = await conn.post(conn.to.pathname, body);
      count(statuses, r.status);
      latencies.push(r.ms);
      byTarget[targets.indexOf(conn.to)].push(r.ms);
      // 202 for every patron, new or repeated (the answer says nothing about the seat): the database has the split.
      if (r.status === 202) {
        const outcome = JSON.parse(r.body).emailSent ? 'RECEIVED' : 'unknown';
        count(outcomes, outcome);
        (byOutcome[outcome] ??= []).push(r.ms);
      }
    }
  }
  await Promise.all(connections.map(client));
  const seconds = (performance.now() - started) / 1000;
  connections.forEach((c) => c.close());
  const latency = Object.fromEntries(Object.entries(byOutcome).map(([k, v]) => [k, summary(v)]));
  const perTarget = targets.length > 1 ? { byTarget: Object.fromEntries(targets.map((t, i) => [t.host, summary(byTarget[i])])) } : {};
  return summary(latencies, { statuses, outcomes, latency, rate: Math.round(total / seconds), ...perTarget });
}

async function rate(perSecond, seconds, header) {
  const headers = {};
  if (header) {
    const at = header.indexOf(':');
    headers[header.slice(0, at).trim()] = header.slice(at + 1).trim();
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const statuses = {};
  const latencies = [];
  const total = Math.round(perSecond * seconds);
  const interval = 1000 / perSecond;
  const start = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const planned = start + i * interval;
    const wait = planned - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(request(agent, 'GET', url.pathname + url.search, null, headers).then((r) => {
      count(statuses, r.status);
      latencies.push(performance.now() - planned); // from the planned start: a stalled server cannot hide its queue
    }));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return summary(latencies, { statuses, rate: Math.round(total / elapsed) });
}

async function sse(subscribers, trigger) {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  let connected = 0;
  let triggeredAt = null;
  let answeredAt = null;
  const arrivals = [];
  const arrivedAt = [];
  const failures = {};
  const requests = [];
  let resolveAll;
  const allConnected = new Promise((r) => (resolveAll = r));
  let resolveDone;
  const done = new Promise((r) => (resolveDone = r));
  for (let i = 0; i < subscribers; i++) {
    const req = http.get({ agent, host: url.hostname, port: url.port, path: url.pathname + url.search,
      headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        count(failures, res.statusCode);
        res.resume();
        if (++connected === subscribers) resolveAll();
        return;
      }
      let boards = 0;
      sseEvents(res, (event) => {
        if (!isBoard(event)) return;
        boards++;
        if (boards === 1 && ++connected === subscribers) resolveAll();
        if (boards === 2 && triggeredAt != null) {
          arrivedAt.push(performance.now());
          arrivals.push(performance.now() - triggeredAt);
          if (arrivals.length + Object.values(failures).reduce((a, b) => a + b, 0) === subscribers) resolveDone();
        }
      });
    });
    req.on('error', (e) => {
      count(failures, e.code ?? e.message);
      if (++connected === subscribers) resolveAll();
    });
    requests.push(req);
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 20)); // do not flood the accept queue
  }
  const connectStart = performance.now();
  await Promise.race([allConnected, new Promise((r) => setTimeout(r, 120_000))]);
  const connectSeconds = (performance.now() - connectStart) / 1000;
  if (process.env.LOAD_SSE_READY) execSync(process.env.LOAD_SSE_READY, { stdio: 'inherit' });
  // The trigger runs beside the event loop, so arrivals are timed while the request that caused them is in flight.
  triggeredAt = performance.now();
  const answered = new Promise((resolve, reject) => exec(trigger, (error, stdout, stderr) => {
    answeredAt = performance.now();
    process.stderr.write(stdout + stderr);
    if (error) reject(error); else resolve();
  }));
  await answered;
  await Promise.race([done, new Promise((r) => setTimeout(r, 30_000))]);
  for (const req of requests) req.destroy();
  agent.destroy();
  const afterAnswer = summary(arrivedAt.map((t) => Math.max(0, t - answeredAt)));
  return summary(arrivals, { subscribers, updated: arrivals.length, failures, connectSeconds: Math.round(connectSeconds * 10) / 10,
    triggerMs: Math.round(answeredAt - triggeredAt), afterAnswer: { p50: afterAnswer.p50, p99: afterAnswer.p99, max: afterAnswer.max } });
}

let result;
if (mode === 'burst') result = await burst(Number(args[0]), Number(args[1]));
else if (mode === 'rate') result = await rate(Number(args[0]), Number(args[1]), args[2]);
else if (mode === 'sse') result = await sse(Number(args[0]), args[1]);
else throw new Error(`unknown mode ${mode}`);
console.log(JSON.stringify(result));
process.exit(0);
