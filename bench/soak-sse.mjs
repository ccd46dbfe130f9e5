// The soak's SSE subscribers (bench/soak.mjs starts this as a worker thread). 500 streams receive about 2,500 board
// events a second; parsed on the thread that times the calls, they delayed every answer's timing by the client's own
// event-loop lag (p99 12-15 ms, growing with the client's heap), which the soak then reported as the app's tail. Here
// they have a thread of their own and report their counts to the main thread every 250 ms.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { isBoard, sseEvents } from './sse-events.mjs';

const { host, port, path, subscribers } = workerData;
let events = 0; // board events received
let open = 0; // streams open now
let refused = 0; // streams answered other than 200 (counted as missing by the main thread)
let dropped = 0; // open streams closed or failed before the end: errors
let stopping = false;
const streams = [];
const counts = (type) => parentPort.postMessage({ type, events, open, refused, dropped });

function subscribe() {
  const req = http.get({ host, port, path, agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) {
      refused++;
      res.resume();
      return;
    }
    open++;
    sseEvents(res, (event) => { if (isBoard(event)) events++; });
    res.on('close', () => {
      open--;
      if (!stopping) { // a dropped stream is an error; the subscriber comes back, as a browser's EventSource does
        dropped++;
        setTimeout(subscribe, 1000);
      }
    });
  });
  req.on('error', () => { if (!stopping) dropped++; });
  streams.push(req);
}

parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  stopping = true;
  clearInterval(reporter);
  for (const req of streams) req.destroy();
  counts('stopped');
});
const reporter = setInterval(() => counts('counts'), 250);
// 20 at a time (each one's first board checks the challenge in the database: all at once would queue on the pool).
for (let i = 0; i < subscribers; i++) {
  subscribe();
  if (i % 20 === 19) await new Promise((r) => setTimeout(r, 200));
}
for (let t = 0; t < 1200 && open < subscribers; t++) await new Promise((r) => setTimeout(r, 100));
counts('connected');
