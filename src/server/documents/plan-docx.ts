/**
 * The plan (Kế hoạch) as an official document in the seed's layout: legal bases, I. MỤC ĐÍCH, YÊU CẦU,
 * II. KẾ HOẠCH TRIỂN KHAI … with the quarters (2.1. Quý I/2024 …), III. TỔ CHỨC THỰC HIỆN, signer, recipients.
 */
import { ROMAN } from '../../domain/plans';
import { vnWallClockToInstant } from '../../domain/time';
import type { TPlanContent } from '../../shared/plans';
import { renderOfficialDocument, type Block, type OfficialDocument } from './docx/official';

export interface PlanHeader {
  /** "UBND THÀNH PHỐ HẢI PHÒNG" */
  governingBody: string;
  /** The bloc's name; printed in capitals. */
  issuingBody: string;
  year: number;
}

const para = (text: string): Block => ({ kind: 'paragraph', text });

function scoringBlocks(c: TPlanContent): Block[] {
  const out: Block[] = [];
  for (const p of c.scoring.paragraphs) {
    if (p.kind === 'subheading') out.push({ kind: 'paragraph', text: p.text, bold: true });
    else if (p.kind === 'bullet') out.push({ kind: 'bullets', items: [p.text] });
    else out.push(para(p.text));
  }
  if (c.scoring.formula) out.push(para('Công thức:'), para(c.scoring.formula));
  return out;
}

/** The document model of a plan; `renderOfficialDocument` lays it out. */
export function planDocument(c: TPlanContent, h: PlanHeader): OfficialDocument {
  const blocks: Block[] = [...c.legalBases.map(para), ...(c.intro ? [para(c.intro)] : [])];
  blocks.push({ kind: 'heading', level: 1, text: 'I. MỤC ĐÍCH, YÊU CẦU' });
  blocks.push({ kind: 'heading', level: 2, text: '1. Mục đích' }, ...c.purposes.map(para));
  blocks.push({ kind: 'heading', level: 2, text: '2. Yêu cầu' }, ...c.requirements.map(para));
  if (c.theme && ![...c.purposes, ...c.requirements].some((t) => t.includes(c.theme))) {
    blocks.push(para(`Chủ đề năm ${h.year} của thành phố: “${c.theme}”.`));
  }

  blocks.push({ kind: 'heading', level: 1, text: 'II. KẾ HOẠCH TRIỂN KHAI CÔNG TÁC THI ĐUA, KHEN THƯỞNG' });
  let n = 1;
  const scoring = scoringBlocks(c);
  if (c.scoring.title || scoring.length) {
    blocks.push({ kind: 'heading', level: 2, text: `${n}. ${c.scoring.title}` }, ...scoring);
    n++;
  }
  blocks.push({ kind: 'heading', level: 2, text: `${n}. Nội dung triển khai cụ thể` });
  let k = 0;
  for (const q of [1, 2, 3, 4]) {
    const items = c.milestones.filter((m) => m.quarter === q);
    if (!items.length) continue;
    k++;
    blocks.push(
      { kind: 'heading', level: 3, text: `${n}.${k}. Quý ${ROMAN[q - 1]}/${h.year}:` },
      { kind: 'bullets', items: items.map((m) => m.sentence) },
    );
  }

  blocks.push({ kind: 'heading', level: 1, text: 'III. TỔ CHỨC THỰC HIỆN' });
  let i = 0;
  for (const part of [c.organization.head, c.organization.deputy, c.organization.members]) {
    if (!part.items.length) continue;
    i++;
    blocks.push(
      { kind: 'heading', level: 2, text: `${i}. ${part.title}` },
      { kind: 'bullets', items: part.items },
    );
  }

  return {
    governingBody: h.governingBody,
    issuingBody: h.issuingBody.toUpperCase(),
    docNumber: c.docNumber || null,
    place: c.place,
    date: c.issueDate ? vnWallClockToInstant(c.issueDate) : null,
    docType: 'KẾ HOẠCH',
    subject: c.subject,
    blocks,
    signer: c.signer,
    recipients: c.recipients,
  };
}

/** The plan as .docx (Decree 30/2020 layout). */
export const planDocx = (c: TPlanContent, h: PlanHeader): Promise<Buffer> =>
  renderOfficialDocument(planDocument(c, h));
