import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { flushOutbox, smtpSender } from './mailer';
import { runDueReminders, type ReminderRun } from './reminders';
import { runDueRoundReminders, type RoundReminderClaim } from './round-reminders';

export interface Reminders {
  /** This app instance's id: the `claimed_by` of what it claims. */
  instanceId: string;
  /** Sends the reminders due now, then the pending e-mails. Tests call it with the clock set. */
  runDue(): Promise<ReminderRun & { roundClaims: RoundReminderClaim[]; sent: number; failed: number }>;
  /** Sends the pending e-mails now (after an urge, so that it leaves at once). */
  flushOutbox(): Promise<{ sent: number; failed: number }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    reminders: Reminders;
  }
}

const INTERVAL_MS = 60_000;

/** Decorates the app with its reminder runner; when enabled, runs it every minute until the app closes. */
export function registerReminders(app: FastifyInstance): void {
  const { config, db } = app;
  const send = config.smtp ? smtpSender(config.smtp) : null;
  const instanceId = randomUUID();
  const reminders: Reminders = {
    instanceId,
    flushOutbox: () => flushOutbox(db, send, instanceId),
    async runDue() {
      const run = await runDueReminders(db, config.reminderOffsetsDays, instanceId);
      const rounds = await runDueRoundReminders(db, config.reminderOffsetsDays, instanceId);
      return { ...run, roundClaims: rounds.claimed, ...(await flushOutbox(db, send, instanceId)) };
    },
  };
  app.decorate('reminders', reminders);
  if (!config.remindersEnabled) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    reminders
      .runDue()
      .then((r) => {
        if (r.claimed.length || r.roundClaims.length || r.sent || r.failed) {
          app.log.info(
            { reminders: r.claimed.length + r.roundClaims.length, sent: r.sent, failed: r.failed },
            'reminders run',
          );
        }
      })
      .catch((err: unknown) => app.log.error({ err }, 'reminders run failed'))
      .finally(() => {
        running = false;
      });
  }, INTERVAL_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
