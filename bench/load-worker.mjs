// HTTP load generator, run in a worker thread so it does not share the server's event loop.
// workerData: { base, requests: [{ method, path, body, cookie? }], concurrency }.
import { parentPort, workerData } from 'node:worker_threads';

const { base, requests, concurrency } = workerData;
const latencies = [];
let errors = 0;
let firstError = '';
let next = 0;

async function client() {
  while (next < requests.length) {
    const r = requests[next++];
    const t0 = performance.now();
    const res = await fetch(base + r.path, {
      method: r.method,
      body: r.body,
      headers: { 'content-type': 'application/json', ...(r.cookie ? { cookie: r.cookie } : {}) },
    });
    const text = await res.text();
    latencies.push(performance.now() - t0);
    if (!res.ok) {
      errors++;
      firstError ||= `${res.status} ${text.slice(0, 200)}`;
    }
  }
}

const t0 = performance.now();
await Promise.all(Array.from({ length: concurrency }, client));
const seconds = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
parentPort.postMessage({
  count: latencies.length,
  errors,
  firstError,
  seconds,
  perSec: latencies.length / seconds,
  p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
  p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0,
});
