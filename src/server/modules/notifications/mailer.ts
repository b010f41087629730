import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config';
import { now } from '../../clock';
import type { Executor } from '../../db/schema';
import { createNotificationRepository } from './repository';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}
export type SendMail = (mail: Mail) => Promise<void>;

/** An SMTP sender (nodemailer) for the configured server. */
export function smtpSender(smtp: SmtpConfig): SendMail {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return async (mail) => {
    await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

/** A claim older than this is taken to belong to a crashed instance, and the e-mail is tried again. */
const STALE_CLAIM_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;

/**
 * Sends pending e-mails of the outbox. Each is claimed first (`UPDATE … WHERE claimed_at IS NULL`), so two
 * instances never send the same one; a failed send is released and retried up to 5 times, then marked failed.
 * Without SMTP nothing is sent and the outbox keeps every e-mail for the administrators.
 */
export async function flushOutbox(
  db: Executor,
  send: SendMail | null,
  instanceId: string,
): Promise<{ sent: number; failed: number }> {
  if (!send) return { sent: 0, failed: 0 };
  const repo = createNotificationRepository(db);
  const stale = () => new Date(now().getTime() - STALE_CLAIM_MS).toISOString();
  let sent = 0;
  let failed = 0;
  for (const mail of await repo.pendingOutbox(stale(), 200)) {
    if (!(await repo.claimOutbox(mail.id, instanceId, now().toISOString(), stale()))) continue;
    try {
      await send({ to: mail.toAddress, subject: mail.subject, text: mail.body });
      await repo.updateOutbox(mail.id, {
        status: 'sent',
        sentAt: now().toISOString(),
        attempts: mail.attempts + 1,
        lastError: null,
      });
      sent++;
    } catch (e) {
      const attempts = mail.attempts + 1;
      const status = attempts >= MAX_ATTEMPTS ? ('failed' as const) : ('pending' as const);
      await repo.updateOutbox(mail.id, {
        status,
        attempts,
        lastError: e instanceof Error ? e.message.slice(0, 500) : String(e),
        claimedBy: null,
        claimedAt: null,
      });
      failed++;
    }
  }
  return { sent, failed };
}
