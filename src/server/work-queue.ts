import pLimit from 'p-limit';
import { BusyError } from './errors';

/** Heavy work (spreadsheet reading, PDF conversion) run a few at a time, with a bounded wait. */
export interface WorkQueue {
  /** Runs `work` when a slot is free; throws BusyError (503) at once when the waiting line is full. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Jobs running and jobs waiting, for health checks and tests. */
  readonly load: { active: number; waiting: number };
}

export interface WorkQueueOptions {
  concurrency: number;
  /** How many may wait for a slot (0: only the running ones are accepted). */
  maxWaiting: number;
  retryAfterSeconds: number;
  /** The Vietnamese 503 message when the line is full. */
  busyMessage: string;
}

/** A queue over p-limit that refuses instead of piling up: a burst cannot grow memory or latency without end. */
export function createWorkQueue(opts: WorkQueueOptions): WorkQueue {
  const limit = pLimit(opts.concurrency);
  return {
    run(work) {
      if (limit.activeCount + limit.pendingCount >= opts.concurrency + opts.maxWaiting) {
        return Promise.reject(new BusyError(opts.busyMessage, opts.retryAfterSeconds));
      }
      return limit(work);
    },
    get load() {
      return { active: limit.activeCount, waiting: limit.pendingCount };
    },
  };
}
