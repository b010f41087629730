import dayjs, { type Dayjs } from 'dayjs';
import type { Deliverable, ResponsibleParty } from '../../../domain/plans';
import { isStartOfVnDay } from '../../../domain/plans';
import { instantToVn, vnWallClockToInstant } from '../../../domain/time';
import type { TMilestoneInput, TPlanContent, TPlanContentInput } from '../../../shared/plans';

export interface MilestoneValues {
  id: string;
  quarter: number;
  title: string;
  description: string;
  responsible: ResponsibleParty;
  /** The Vietnam calendar day of the deadline. */
  deadlineDate: Dayjs | null;
  /** Empty: "trước ngày D" (00:00 on D); otherwise that time on D, Vietnam time. */
  deadlineTime: Dayjs | null;
  deliverables: Deliverable[];
}

type Section = { title: string; items: string[] };

export interface PlanValues {
  docNumber: string;
  place: string;
  issueDate: Dayjs | null;
  subject: string;
  signer: { authority: string; title: string; name: string };
  legalBases: string[];
  intro: string;
  theme: string;
  purposes: string[];
  requirements: string[];
  scoring: TPlanContent['scoring'];
  milestones: MilestoneValues[];
  organization: { head: Section; deputy: Section; members: Section };
  recipients: string[];
}

/** A v4 UUID; new milestones get theirs in the browser so that live warnings and the server's agree. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A new, empty milestone in a quarter. */
export const blankMilestone = (quarter: number): MilestoneValues => ({
  id: newId(),
  quarter,
  title: '',
  description: '',
  responsible: 'members',
  deadlineDate: null,
  deadlineTime: null,
  deliverables: ['manual'],
});

/** The deadline instant (ISO, UTC) that a milestone's date and time stand for, or null. */
export function milestoneDeadline(
  m: Pick<MilestoneValues, 'deadlineDate' | 'deadlineTime'> | undefined,
): string | null {
  if (!m?.deadlineDate) return null;
  return vnWallClockToInstant(
    m.deadlineDate.format('YYYY-MM-DD'),
    m.deadlineTime?.format('HH:mm') ?? '00:00',
  ).toISOString();
}

/** The stored content as form values. */
export function toValues(c: TPlanContent): PlanValues {
  return {
    ...c,
    issueDate: c.issueDate ? dayjs(c.issueDate) : null,
    milestones: c.milestones.map((m) => {
      const vn = m.deadlineAt ? instantToVn(m.deadlineAt) : null;
      return {
        id: m.id,
        quarter: m.quarter,
        title: m.title,
        description: m.description,
        responsible: m.responsible,
        deadlineDate: vn ? dayjs(vn.date) : null,
        deadlineTime:
          vn && m.deadlineAt && !isStartOfVnDay(m.deadlineAt) ? dayjs(`${vn.date}T${vn.time}`) : null,
        deliverables: m.deliverables,
      };
    }),
  };
}

const clean = (lines: (string | undefined)[] | undefined) =>
  (lines ?? []).map((s) => (s ?? '').trim()).filter(Boolean);

/** Form values as the save request's content: "trước ngày D" travels as the day, other times as an instant. */
export function toInput(v: PlanValues): TPlanContentInput {
  const milestones = (v.milestones ?? []).map((m): TMilestoneInput => {
    const date = m.deadlineDate?.format('YYYY-MM-DD');
    return {
      id: m.id,
      quarter: m.quarter,
      title: m.title,
      description: m.description ?? '',
      responsible: m.responsible,
      deadlineBeforeDay: date && !m.deadlineTime ? date : null,
      deadlineAt: date && m.deadlineTime ? `${date}T${m.deadlineTime.format('HH:mm')}:00+07:00` : null,
      deliverables: m.deliverables,
    };
  });
  const section = (s: Section | undefined) => ({ title: s?.title ?? '', items: clean(s?.items) });
  return {
    docNumber: v.docNumber,
    place: v.place,
    issueDate: v.issueDate ? v.issueDate.format('YYYY-MM-DD') : null,
    subject: v.subject,
    signer: v.signer,
    legalBases: clean(v.legalBases),
    intro: v.intro,
    theme: v.theme,
    purposes: clean(v.purposes),
    requirements: clean(v.requirements),
    scoring: { ...v.scoring, paragraphs: (v.scoring?.paragraphs ?? []).filter((p) => p.text?.trim()) },
    milestones,
    organization: {
      head: section(v.organization?.head),
      deputy: section(v.organization?.deputy),
      members: section(v.organization?.members),
    },
    recipients: clean(v.recipients),
  };
}
