import { Worker } from 'node:worker_threads';
import { passwordMinLength } from '../../../shared/auth';
import { fieldLabels } from '../../../shared/validation-messages';
import { invalid } from '../../errors';

/**
 * The password policy, as NIST SP 800-63B has it: at least 10 characters, no composition rules, long
 * passphrases welcome (up to 200 characters), and a refusal of guessable ones: zxcvbn (@zxcvbn-ts, with its
 * common-password, English and name lists) must rate the password at least 3 of 4 (about 10^8 guesses),
 * and the password may not contain the account's login. Applies wherever a password is set: creating an
 * account (form, import, command line), a reset's temporary password, a change.
 */
export const MIN_SCORE = 3;
/** zxcvbn rates the first 64 characters: its matchers slow down sharply beyond that. */
const RATED_LENGTH = 64;

/** What a password must not be built from. */
export interface PasswordOwner {
  login: string;
  fullName?: string | null;
  email?: string | null;
}

const reasons: Record<string, string> = {
  topTen: 'là một trong những mật khẩu bị dùng nhiều nhất',
  topHundred: 'là mật khẩu bị dùng rất phổ biến',
  common: 'là mật khẩu phổ biến, dễ bị đoán',
  similarToCommon: 'gần giống một mật khẩu phổ biến',
  userInputs: 'không được chứa tên đăng nhập, họ tên hoặc e-mail',
  straightRow: 'là một hàng phím liền nhau, dễ bị đoán',
  keyPattern: 'là một mẫu gõ phím dễ bị đoán',
  simpleRepeat: 'lặp lại một ký tự, dễ bị đoán',
  extendedRepeat: 'lặp lại một cụm ký tự, dễ bị đoán',
  sequences: 'là dãy ký tự liên tiếp (như "abc", "123"), dễ bị đoán',
  recentYears: 'chủ yếu là năm gần đây, dễ bị đoán',
  dates: 'chủ yếu là ngày tháng, dễ bị đoán',
  wordByItself: 'chỉ là một từ thông dụng, dễ bị đoán',
  namesByThemselves: 'chỉ là tên người, dễ bị đoán',
  commonNames: 'là tên người phổ biến, dễ bị đoán',
};
const tooGuessable = 'quá dễ đoán; hãy dùng một cụm từ dài hơn, ví dụ ba, bốn từ ghép lại';

interface Rating {
  score: number;
  warning: string | null;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (r: Rating) => void; reject: (e: Error) => void }>();

function strengthWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./strength-worker.mjs', import.meta.url), {
    workerData: { maxLength: RATED_LENGTH },
  });
  w.unref(); // an idle rater never keeps the process alive
  w.on('message', (m: Rating & { id: number; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) p?.reject(new Error(`password rating failed: ${m.error}`));
    else p?.resolve({ score: m.score, warning: m.warning });
  });
  w.on('error', (error) => {
    worker = null; // the next check starts a new one
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  });
  worker = w;
  return w;
}

function rate(password: string, userInputs: string[]): Promise<Rating> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    strengthWorker().postMessage({ id, password, userInputs });
  });
}

const plain = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** The owner's login, name and e-mail, whole and word by word, with and without diacritics. */
function ownerWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  for (const text of [owner.login, owner.fullName ?? '', owner.email ?? '']) {
    for (const form of [text.toLowerCase(), plain(text)]) {
      const parts = form.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
      if (form) words.add(form);
      if (parts.length) words.add(parts.join(''));
      for (const part of parts) words.add(part);
    }
  }
  return [...words];
}

/** Why the password may not be used (a Vietnamese rule, without the field's name), or null when it may. */
export async function passwordProblem(password: string, owner: PasswordOwner): Promise<string | null> {
  if ([...password].length < passwordMinLength) return `phải có ít nhất ${passwordMinLength} ký tự`;
  const login = owner.login.trim().toLowerCase();
  if (login.length >= 3 && password.toLowerCase().includes(login)) return 'không được chứa tên đăng nhập';
  const { score, warning } = await rate(password, ownerWords(owner));
  if (score >= MIN_SCORE) return null;
  return (warning && reasons[warning]) || tooGuessable;
}

/** Throws a 400 naming the field ("Mật khẩu mới: …") when the password breaks the policy. */
export async function requireStrongPassword(
  password: string,
  owner: PasswordOwner,
  field: 'password' | 'newPassword' = 'password',
): Promise<void> {
  const problem = await passwordProblem(password, owner);
  if (problem) throw invalid({ [field]: `${fieldLabels[field] ?? 'Mật khẩu'}: ${problem}` });
}
