/**
 * Vietnam time. Instants are stored in UTC; deadlines are entered and shown in Asia/Ho_Chi_Minh, which
 * is UTC+7 all year (no daylight saving), so the conversion is exact arithmetic.
 */
const VN_OFFSET_MS = 7 * 3600_000;

/** The UTC instant of a wall-clock time in Vietnam ("2024-12-08", "00:00"). Throws on an invalid date. */
export function vnWallClockToInstant(date: string, time = '00:00'): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!m || !t) throw new RangeError(`invalid Vietnam date/time ${date} ${time}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    throw new RangeError(`invalid Vietnam date/time ${date} ${time}`);
  }
  return new Date(utc - VN_OFFSET_MS);
}

/** "Trước ngày D": the deadline is 00:00 on D in Vietnam time; anything at or after it is late. */
export const beforeDay = (date: string): Date => vnWallClockToInstant(date, '00:00');

/** The Vietnam wall clock of an instant: { date: "2024-12-07", time: "23:59" }. */
export function instantToVn(instant: Date | string): { date: string; time: string } {
  const iso = new Date(new Date(instant).getTime() + VN_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** "07/12/2024 23:59" in Vietnam time. */
export function formatVnDateTime(instant: Date | string): string {
  const { date, time } = instantToVn(instant);
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time}`;
}

/** "07/12/2024" in Vietnam time. */
export const formatVnDate = (instant: Date | string): string => formatVnDateTime(instant).slice(0, 10);
