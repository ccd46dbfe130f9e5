// A registration burst for crash.sh: TOTAL registrations from CONCURRENCY clients, distinct patrons plus some
// repeats of an earlier patron (in another letter case). Once KILL_AFTER registrations were acknowledged, KILL runs
// (kill -9 of the backend) while the rest are in flight. Writes every acknowledged registration (202: the answer is the
// same for a new and a repeated patron and carries no id or status) to ACKED as email,http and prints a JSON summary.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const env = process.env;
const TOTAL = Number(env.TOTAL ?? 2000);
const CONCURRENCY = Number(env.CONCURRENCY ?? 100);
const KILL_AFTER = Number(env.KILL_AFTER ?? 600);
const REPEAT_EVERY = Number(env.REPEAT_EVERY ?? 10);

const records = [];
let next = 0;
let killedAt = null;
const acked = () => records.filter((r) => r.status === 202).length;
const isRepeat = (i) => i > 0 && i % REPEAT_EVERY === 0;

function patron(i) {
  // every REPEAT_EVERY-th request repeats an earlier patron, shouting their address
  if (i > 0 && i % REPEAT_EVERY === 0) return `patron${i - REPEAT_EVERY / 2}@crash.serambi.id`.toUpperCase();
  return `patron${i}@crash.serambi.id`;
}

async function client() {
  while (next < TOTAL && killedAt === null) {
    const i = next++;
    const email = patron(i);
    const record = { i, email, started: Date.now() };
    try {
      const res = await fetch(`${env.BASE}/api/events/${env.EVENT}/registrations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `Peserta ${i}`, email }),
        signal: AbortSignal.timeout(30_000),
      });
      record.status = res.status;
      await res.arrayBuffer().catch(() => null);
    } catch (e) {
      record.status = 'network';
    }
    record.ended = Date.now();
    records.push(record);
    if (killedAt === null && acked() >= KILL_AFTER) {
      killedAt = Date.now();
      execSync(env.KILL);
    }
  }
}

const started = Date.now();
await Promise.all(Array.from({ length: CONCURRENCY }, client));
const inFlightAtKill = records.filter((r) => killedAt !== null && r.started <= killedAt && r.ended >= killedAt).length;
const ack = records.filter((r) => r.status === 202);
writeFileSync(env.ACKED, ack.map((r) => `${r.email},${r.status}`).join('\n') + '\n');
const byStatus = records.reduce((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {});
console.log(JSON.stringify({
  sent: records.length,
  byStatus,
  acknowledged: ack.length,
  created: ack.filter((r) => !isRepeat(r.i)).length,
  repeats: ack.filter((r) => isRepeat(r.i)).length,
  killedAfterS: killedAt ? (killedAt - started) / 1000 : null,
  inFlightAtKill,
  rate: records.length / ((Date.now() - started) / 1000),
}, null, 2));
process.exit(0);
