// Checkpoints the embedded database's WAL off the serving thread (started by sqlite.ts).
// Plain JavaScript: a worker thread does not get the tsx loader the server runs under.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const SQLite = createRequire(import.meta.url)(workerData.driver);
const db = new SQLite(workerData.file);
// A checkpoint flushes the WAL before copying it and the database file after (NORMAL and FULL both do).
db.pragma('synchronous = NORMAL');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => checkpoint.all(), workerData.intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
