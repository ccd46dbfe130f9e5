#!/usr/bin/env node
// B10's load client (bench/b10.sh). Node 20, no dependencies; loopback targets only.
//   node bench/b10.mjs OUT.json URL RATE SECONDS QUESTIONS.jsonl
// Sends POST /api/assistant/questions at a steady RATE a second for SECONDS (open loop: each question leaves at its
// own time, start + i / RATE, whether or not earlier ones have been answered), cycling through the questions in
// QUESTIONS.jsonl ({"question","language","kind"} a line, shuffled by the caller). Writes OUT.json: each question's
// send time (ms since the start), answer time (ms), kind, status and whether it was handed over.
import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';

const [out, url, rateArg, secondsArg, questionsFile] = process.argv.slice(2);
const target = new URL(url);
if (!['127.0.0.1', 'localhost'].includes(target.hostname)) throw new Error(`load only goes to this machine, not ${target.hostname}`);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const questions = readFileSync(questionsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
const now = () => performance.now();

function ask(q) {
  const body = JSON.stringify({ question: q.question, language: q.language });
  return new Promise((resolve) => {
    let data = '';
    const req = http.request({ agent, host: target.hostname, port: target.port, method: 'POST', path: '/api/assistant/questions',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => {
        let handedOver = null;
        try { handedOver = JSON.parse(data).handedOver; } catch { /* not JSON: counted by its status */ }
        resolve({ status: res.statusCode, handedOver });
      });
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: `error:${e.code ?? e.message}`, handedOver: null }));
    req.end(body);
  });
}

const total = Math.round(rate * seconds);
const results = new Array(total);
const pending = [];
const start = now();
let next = 0;
let lateMax = 0;
await new Promise((done) => {
  const tick = () => {
    const elapsed = now() - start;
    while (next < total && next * 1000 / rate <= elapsed) {
      const i = next++;
      const q = questions[i % questions.length];
      const sent = now() - start;
      lateMax = Math.max(lateMax, sent - i * 1000 / rate);
      pending.push(ask(q).then((r) => { results[i] = { sent, ms: now() - start - sent, kind: q.kind, ...r }; }));
    }
    if (next < total) setTimeout(tick, 1); else done();
  };
  tick();
});
await Promise.all(pending);
const took = (now() - start) / 1000;
writeFileSync(out, JSON.stringify({ rate, seconds, took, lateMax, results }));
agent.destroy();
