/**
 * Title and award registration (đăng ký thi đua): the city's catalogue of titles and awards per year, a
 * unit's registration and its states, the registration window, and what the year-end review reads from
 * it. Pure: the catalogue is data (the rules change by decree), this module only reasons about it.
 */

/** A title (danh hiệu thi đua) or a commendation form (hình thức khen thưởng). */
export const catalogueKinds = ['title', 'award'] as const;
export type CatalogueKind = (typeof catalogueKinds)[number];
/** Whether it is given to a unit (tập thể) or to a person (cá nhân). */
export const recipientKinds = ['unit', 'person'] as const;
export type RecipientKind = (typeof recipientKinds)[number];

export interface CatalogueEntry {
  /** Stable code the review reads: `co-thi-dua`, `bang-khen`, `tap-the-ldxs`… */
  code: string;
  name: string;
  kind: CatalogueKind;
  /** Who decides it: "Chủ tịch UBND thành phố". */
  level: string;
  /** The legal basis: "Điều 26 Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP". */
  legalBasis: string;
  recipient: RecipientKind;
  /** How many a bloc may propose; null when the catalogue sets no limit. */
  quotaPerBloc: number | null;
}

/**
 * The catalogue a city starts with when it has none of its own yet (Law on Emulation and Commendation
 * 2022, Decree 98/2023/NĐ-CP). The board edits it per year.
 */
export const DEFAULT_CATALOGUE: readonly CatalogueEntry[] = [
  {
    code: 'co-thi-dua',
    name: 'Cờ thi đua của UBND thành phố',
    kind: 'title',
    level: 'Chủ tịch UBND thành phố',
    legalBasis: 'Điều 26 Luật Thi đua, khen thưởng năm 2022; Điều 11 Nghị định 98/2023/NĐ-CP',
    recipient: 'unit',
    quotaPerBloc: 2,
  },
  {
    code: 'bang-khen',
    name: 'Bằng khen của Chủ tịch UBND thành phố',
    kind: 'award',
    level: 'Chủ tịch UBND thành phố',
    legalBasis: 'Điều 75 Luật Thi đua, khen thưởng năm 2022; Điều 39 Nghị định 98/2023/NĐ-CP',
    recipient: 'unit',
    quotaPerBloc: 3,
  },
  {
    code: 'tap-the-ldxs',
    name: 'Tập thể Lao động xuất sắc',
    kind: 'title',
    level: 'Chủ tịch UBND thành phố',
    legalBasis: 'Điều 27 Luật Thi đua, khen thưởng năm 2022',
    recipient: 'unit',
    quotaPerBloc: null,
  },
  {
    code: 'cstd-thanh-pho',
    name: 'Chiến sĩ thi đua thành phố',
    kind: 'title',
    level: 'Chủ tịch UBND thành phố',
    legalBasis: 'Điều 23 Luật Thi đua, khen thưởng năm 2022',
    recipient: 'person',
    quotaPerBloc: null,
  },
];

export const registrationStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
/** What the head sees of a unit: 'none' when it has sent nothing yet (a draft is the unit's own business). */
export type UnitRegistrationStatus = 'none' | Exclude<RegistrationStatus, 'draft'>;

export const unitStatusLabels: Record<UnitRegistrationStatus, string> = {
  none: 'Chưa đăng ký',
  submitted: 'Đã gửi',
  returned: 'Trả lại',
  accepted: 'Đã nhận',
};

/** The head's view of a unit's registration state. */
export const headView = (status: RegistrationStatus | null): UnitRegistrationStatus =>
  status === null || status === 'draft' ? 'none' : status;

/** The unit may change its registration: before it is sent, or after it came back. */
export const editable = (status: RegistrationStatus | null): boolean =>
  status === null || status === 'draft' || status === 'returned';

/** Where a registration may go from here: only a sent one can be returned or accepted. */
export const decidable = (status: RegistrationStatus | null): boolean => status === 'submitted';

export type WindowState = 'not-open' | 'open' | 'closed';
export interface RegistrationWindow {
  state: WindowState;
  /** The earliest deadline of the unit's registration tasks, when there is one. */
  deadlineAt: string | null;
}

/**
 * The registration window from the published plan: open once a registration task exists (the plan's
 * milestone with the 'registration' deliverable was published), until its deadline.
 */
export function registrationWindow(
  tasks: readonly { deadlineAt: string | null }[],
  at: Date,
): RegistrationWindow {
  if (tasks.length === 0) return { state: 'not-open', deadlineAt: null };
  const deadlines = tasks.map((t) => t.deadlineAt).filter((d): d is string => d !== null);
  if (deadlines.length < tasks.length) return { state: 'open', deadlineAt: null };
  const deadlineAt = deadlines.reduce((a, b) => (new Date(b) < new Date(a) ? b : a));
  return { state: at < new Date(deadlineAt) ? 'open' : 'closed', deadlineAt };
}

/**
 * Whether the unit may save or send now: the window must be open — except that a registration the head
 * returned may be corrected and sent again after the deadline, since the head asked for it.
 */
export const mayChangeNow = (window: WindowState, status: RegistrationStatus | null): boolean =>
  editable(status) && (window === 'open' || (window === 'closed' && status === 'returned'));

/** Problems with a unit's choice: unknown codes, duplicates of a unit award, a person award without a name. */
export function choiceProblems(
  items: readonly { code: string; nominee?: string | null }[],
  catalogue: readonly CatalogueEntry[],
): { index: number; message: string }[] {
  const byCode = new Map(catalogue.map((e) => [e.code, e]));
  const seen = new Set<string>();
  const problems: { index: number; message: string }[] = [];
  items.forEach((item, index) => {
    const entry = byCode.get(item.code);
    if (!entry) {
      problems.push({ index, message: `“${item.code}” không có trong danh mục danh hiệu, khen thưởng.` });
      return;
    }
    const nominee = item.nominee?.trim() ?? '';
    if (entry.recipient === 'person' && !nominee) {
      problems.push({ index, message: `${entry.name}: cần ghi họ tên cá nhân được đăng ký.` });
      return;
    }
    const key = entry.recipient === 'unit' ? entry.code : `${entry.code}|${nominee.toLowerCase()}`;
    if (seen.has(key)) problems.push({ index, message: `${entry.name} đã được chọn.` });
    seen.add(key);
  });
  return problems;
}

/**
 * Which units registered (and were accepted by the head) for an award code in a year: what the year-end
 * review reads ("a unit that did not register for the flag cannot be proposed for it", when the year's
 * rules say so).
 */
export function registeredUnits(
  registrations: readonly { unitId: string; status: RegistrationStatus; codes: readonly string[] }[],
  awardCode: string,
): string[] {
  return registrations
    .filter((r) => r.status === 'accepted' && r.codes.includes(awardCode))
    .map((r) => r.unitId);
}
