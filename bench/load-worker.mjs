// HTTP load generator, run in a worker thread so it does not share the server's event loop.
// workerData: { base, requests: [{ method, path, body, cookie? }], concurrency }.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { base, requests, concurrency } = workerData;
const url = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

/** One request over a kept-alive connection (node:http: less client overhead than fetch). */
function send(r) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: r.method,
        path: r.path,
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(r.body),
          ...(r.cookie ? { cookie: r.cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}
const latencies = [];
let errors = 0;
let firstError = '';
let next = 0;

async function client() {
  while (next < requests.length) {
    const r = requests[next++];
    const t0 = performance.now();
    const res = await send(r);
    latencies.push(performance.now() - t0);
    if (res.status >= 300) {
      errors++;
      firstError ||= `${res.status} ${res.text.slice(0, 200)}`;
    }
  }
}

const t0 = performance.now();
await Promise.all(Array.from({ length: concurrency }, client));
const seconds = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
agent.destroy();
parentPort.postMessage({
  count: latencies.length,
  errors,
  firstError,
  seconds,
  perSec: latencies.length / seconds,
  p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
  p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0,
  latencies, // sorted: slices of one run are combined in run.ts
});
