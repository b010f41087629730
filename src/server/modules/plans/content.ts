/** The plan's content: from the request to what is stored, a new plan's template, and next year's copy. */
import { randomUUID } from 'node:crypto';
import {
  deadlineText,
  milestoneSentence,
  planWarnings,
  shiftOneYear,
  type PlanWarning,
} from '../../../domain/plans';
import { beforeDay } from '../../../domain/time';
import {
  ZPlanContentInputSchema,
  type TMilestone,
  type TPlanContent,
  type TPlanContentInput,
} from '../../../shared/plans';

/** Fills defaults, gives new milestones an id, turns "trước ngày D" into its instant, and adds the texts. */
export function normalizeContent(input: TPlanContentInput): TPlanContent {
  const c = ZPlanContentInputSchema.parse(input);
  const seen = new Set<string>();
  const milestones = c.milestones.map((m): TMilestone => {
    const id = m.id && !seen.has(m.id) ? m.id : randomUUID();
    seen.add(id);
    const deadlineAt = m.deadlineBeforeDay
      ? beforeDay(m.deadlineBeforeDay).toISOString()
      : m.deadlineAt
        ? new Date(m.deadlineAt).toISOString()
        : null;
    return withTexts({
      id,
      quarter: m.quarter,
      title: m.title,
      description: m.description,
      responsible: m.responsible,
      deadlineAt,
      deliverables: [...new Set(m.deliverables)],
    });
  });
  return { ...c, issueDate: c.issueDate ?? null, milestones };
}

function withTexts(m: Omit<TMilestone, 'deadlineText' | 'sentence'>): TMilestone {
  return {
    ...m,
    deadlineText: m.deadlineAt ? deadlineText(m.deadlineAt) : null,
    sentence: milestoneSentence(m.description || m.title, m.deadlineAt),
  };
}

/** The warnings of a content for its bloc-year. */
export const contentWarnings = (year: number, c: TPlanContent): PlanWarning[] =>
  planWarnings({ year, issueDate: c.issueDate, milestones: c.milestones });

/** A new plan's starting point: the standard headings and recipients, the bloc's name and the year. */
export function templateContent(o: {
  year: number;
  blocName: string;
  place: string | null;
  headUnitName: string | null;
  memberCount: number;
}): TPlanContent {
  const n = Math.max(o.memberCount, 2);
  const rest = o.blocName.replace(/^Khối thi đua\s*/i, '');
  return normalizeContent({
    place: o.place ?? '',
    subject: `Triển khai công tác Thi đua, khen thưởng năm ${o.year}\n${o.blocName}`,
    intro: `${o.blocName} xây dựng Kế hoạch triển khai công tác thi đua, khen thưởng năm ${o.year} với các nội dung trọng tâm như sau:`,
    scoring: {
      title: `Xây dựng tiêu chí thi đua và bảng điểm đánh giá phong trào thi đua khen thưởng năm ${o.year}`,
      paragraphs: [],
      formula: `Điểm của từng đơn vị = (Điểm đơn vị tự chấm + Điểm của ${n - 1} đơn vị trong Khối chấm chéo)/${n}.`,
    },
    organization: {
      head: {
        title: `${o.headUnitName ? `${o.headUnitName}, ` : ''}Trưởng khối thi đua ${o.blocName} năm ${o.year}`,
        items: [],
      },
      deputy: { title: `Phó khối thi đua ${rest} năm ${o.year}`.replace(/\s+/g, ' '), items: [] },
      members: { title: 'Các đơn vị trong Khối', items: [] },
    },
    recipients: [
      'Hội đồng TĐKT TP (để b/c)',
      'Ban TĐKT thành phố (để b/c)',
      'Các đơn vị trong khối',
      'Lưu: VT, VP',
    ],
  });
}

/**
 * Next year's draft: every deadline one year later, the year's number moved on in the text (not in the legal
 * bases, which cite past decisions), a blank number and date for the clerk, new milestone ids.
 */
export function nextYearContent(c: TPlanContent, fromYear: number): TPlanContent {
  const bump = (s: string) => s.replace(new RegExp(`\\b${fromYear}\\b`, 'g'), String(fromYear + 1));
  const section = (s: { title: string; items: string[] }) => ({
    title: bump(s.title),
    items: s.items.map(bump),
  });
  return {
    ...c,
    docNumber: c.docNumber.replace(/^\d+/, ''),
    issueDate: null,
    subject: bump(c.subject),
    intro: bump(c.intro),
    purposes: c.purposes.map(bump),
    requirements: c.requirements.map(bump),
    scoring: {
      title: bump(c.scoring.title),
      paragraphs: c.scoring.paragraphs.map((p) => ({ ...p, text: bump(p.text) })),
      formula: c.scoring.formula,
    },
    organization: {
      head: section(c.organization.head),
      deputy: section(c.organization.deputy),
      members: section(c.organization.members),
    },
    milestones: c.milestones.map((m) =>
      withTexts({
        ...m,
        id: randomUUID(),
        title: bump(m.title),
        description: bump(m.description),
        deadlineAt: m.deadlineAt ? shiftOneYear(m.deadlineAt) : null,
      }),
    ),
  };
}

/** Problems that block publishing (not warnings): what an official document cannot go without. */
export function publishErrors(c: TPlanContent): Record<string, string> {
  const e: Record<string, string> = {};
  if (!c.docNumber.trim()) e.docNumber = 'Số, ký hiệu: là bắt buộc khi ban hành';
  if (!c.issueDate) e.issueDate = 'Ngày ban hành: là bắt buộc khi ban hành';
  if (!c.place.trim()) e.place = 'Địa danh: là bắt buộc khi ban hành';
  if (!c.signer.title.trim() || !c.signer.name.trim()) e['signer.name'] = 'Người ký: cần chức vụ và họ tên';
  if (!c.milestones.length) e.milestones = 'Nội dung triển khai: cần ít nhất một nội dung';
  return e;
}
