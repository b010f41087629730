import { randomInt, randomUUID } from 'node:crypto';

/*
 * The random parts of a secret ballot (docs/security.md, "Secret ballots"): ids and receipt codes from the
 * operating system's CSPRNG (never time-ordered like UUIDv7), and a Fisher–Yates shuffle with crypto
 * randomness for the order in which a ballot's choices are written.
 */

/** A version-4 UUID (122 random bits from the CSPRNG): sorts in no relation to when it was made. */
export const randomId = (): string => randomUUID();

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud and typed back
/** A receipt code such as "K7Q2M-XW9PD" (50 random bits). */
export function receiptCode(): string {
  const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

export function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
