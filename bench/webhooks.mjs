#!/usr/bin/env node
// B9's load client (bench/webhooks.sh). Node 20, no dependencies; loopback targets only.
//   node bench/webhooks.mjs OUT.json URL_A URL_B TOKEN APP_SECRET PHONE_NUMBER_ID TOTAL SECONDS
// Opens the inbox's SSE stream (/api/conversations/stream) on both instances as a staff member's inbox page does, then
// delivers TOTAL signed WhatsApp webhook deliveries (X-Hub-Signature-256) at a steady rate over SECONDS, alternately to
// A and B: every tenth one repeats an earlier delivery, byte for byte, to the other instance (Meta retries); the others
// are new messages, each from a new number (so each is one new thread, and the stream's {"threadId":...} tells which
// delivery it announces once the database maps threads to numbers). Writes OUT.json: when each number's delivery was
// sent and when each instance's stream first announced each thread (epoch ms), and the HTTP statuses.
import http from 'node:http';
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const [out, urlA, urlB, token, secret, phoneNumberId, totalArg, secondsArg] = process.argv.slice(2);
const targets = [new URL(urlA), new URL(urlB)];
for (const t of targets) {
  if (!['127.0.0.1', 'localhost'].includes(t.hostname)) throw new Error(`load only goes to this machine, not ${t.hostname}`);
}
const total = Number(totalArg);
const seconds = Number(secondsArg);
const now = () => performance.timeOrigin + performance.now();
const agents = targets.map(() => new http.Agent({ keepAlive: true, maxSockets: 64 }));

// The two inbox pages: the first announcement of each thread on each instance.
const announced = [{}, {}];
const streams = targets.map((t, i) => new Promise((ready, fail) => {
  const req = http.get({ host: t.hostname, port: t.port, path: '/api/conversations/stream',
    headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } }, (res) => {
    if (res.statusCode !== 200) return fail(new Error(`stream on ${t.host}: ${res.statusCode}`));
    ready(req);
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      const at = now();
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').find((l) => l.startsWith('data:'));
        if (data?.includes('threadId')) {
          const id = JSON.parse(data.slice(5)).threadId;
          announced[i][id] ??= at;
        }
      }
    });
  });
  req.on('error', fail);
}));
const opened = await Promise.all(streams);
await new Promise((r) => setTimeout(r, 500));

function delivery(n) {
  const waId = `6281${String(70000000 + n)}`;
  const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes: [{ field: 'messages',
    value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
      contacts: [{ profile: { name: `Pemustaka ${n}` }, wa_id: waId }],
      messages: [{ from: waId, id: `wamid.B9${String(n).padStart(8, '0')}`, timestamp: String(Math.floor(Date.now() / 1000)),
        type: 'text', text: { body: `Halo perpustakaan, apakah ada diskusi buku pekan ini? (${n})` } }] } }] }] });
  return { number: `+${waId}`, body, signature: 'sha256=' + createHmac('sha256', secret).update(body).digest('hex') };
}

function post(target, agent, d) {
  return new Promise((resolve) => {
    const req = http.request({ agent, host: target.hostname, port: target.port, method: 'POST', path: '/api/webhooks/whatsapp',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(d.body), 'x-hub-signature-256': d.signature } },
    (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve(`error:${e.code ?? e.message}`));
    req.end(d.body);
  });
}

const sentAt = {};
const statuses = {};
const sent = [];
let unique = 0;
let repeats = 0;
const pending = [];
const start = now();
const interval = (seconds * 1000) / total;
for (let k = 0; k < total; k++) {
  const planned = start + k * interval;
  const wait = planned - now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  let d;
  let target;
  if (k % 10 === 9 && sent.length) {
    const earlier = sent[Math.floor(Math.random() * sent.length)];
    d = earlier.d;
    target = 1 - earlier.target; // Meta's retry may reach the other instance
    repeats++;
  } else {
    d = delivery(unique);
    target = unique % 2;
    sent.push({ d, target });
    sentAt[d.number] = now();
    unique++;
  }
  pending.push(post(targets[target], agents[target], d).then((s) => { statuses[s] = (statuses[s] ?? 0) + 1; }));
}
await Promise.all(pending);
const elapsed = (now() - start) / 1000;
await new Promise((r) => setTimeout(r, 5000)); // the last announcements
for (const req of opened) req.destroy();
writeFileSync(out, JSON.stringify({ unique, repeats, statuses, seconds: elapsed, sentAt, announced }));
console.log(JSON.stringify({ unique, repeats, statuses, seconds: Math.round(elapsed * 10) / 10,
  announcedA: Object.keys(announced[0]).length, announcedB: Object.keys(announced[1]).length }));
process.exit(0);
