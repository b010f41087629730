/** When a unit may write its sheets in a round, and whether what it submits is late. Pure. */

export type RoundStatus = 'open' | 'closed' | 'published';
export type LatePolicy = 'refuse' | 'accept-late';

export interface RoundClock {
  status: RoundStatus;
  deadlineAt: string;
  latePolicy: LatePolicy;
}

export type SheetWindow =
  | { accepting: true; late: boolean; reopened: boolean }
  | { accepting: false; reason: 'published' | 'closed' | 'deadline-passed' };

/**
 * Before the deadline a sheet is accepted; at or after it, it is refused or accepted as late (per the
 * round) until the head closes the round. A reopening lets one unit write again until its own limit.
 */
export function sheetWindow(round: RoundClock, now: Date, reopenedUntil: string | null): SheetWindow {
  if (round.status === 'published') return { accepting: false, reason: 'published' };
  if (reopenedUntil && now.getTime() < new Date(reopenedUntil).getTime()) {
    return { accepting: true, late: false, reopened: true };
  }
  if (round.status === 'closed') return { accepting: false, reason: 'closed' };
  const beforeDeadline = now.getTime() < new Date(round.deadlineAt).getTime();
  if (beforeDeadline) return { accepting: true, late: false, reopened: false };
  return round.latePolicy === 'accept-late'
    ? { accepting: true, late: true, reopened: false }
    : { accepting: false, reason: 'deadline-passed' };
}

export const windowMessages: Record<'published' | 'closed' | 'deadline-passed', string> = {
  published: 'Kết quả đợt chấm đã công bố; không thể sửa bảng điểm.',
  closed: 'Đợt chấm đã đóng; bảng điểm đã khóa. Liên hệ Trưởng khối nếu cần mở lại.',
  'deadline-passed': 'Đã quá hạn nộp bảng điểm; đợt chấm này không nhận bảng điểm nộp muộn.',
};
