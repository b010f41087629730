/**
 * The minutes the demo head attaches to its 2024 conferences: a short "Biên bản" in the Decree 30 layout,
 * written as the bloc's secretary would (who attended, what was agreed).
 */
import { renderOfficialDocument } from '../documents/docx/official';
import { demoBloc, demoUnits } from './data';

export interface DemoMinutes {
  title: string;
  /** Vietnam date and hours, as the minutes state them ("08 giờ 00 ngày 20/3/2024"). */
  when: string;
  place: string;
  /** What the conference did, one paragraph each. */
  agreed: string[];
  date: Date;
}

const head = demoUnits.find((u) => u.role === 'head')!;

export function demoMinutesDocx(m: DemoMinutes): Promise<Buffer> {
  return renderOfficialDocument({
    governingBody: demoBloc.governingBody,
    issuingBody: demoBloc.name.toUpperCase(),
    docNumber: null,
    place: demoBloc.place,
    date: m.date,
    docType: 'BIÊN BẢN',
    subject: m.title,
    blocks: [
      { kind: 'paragraph', text: `Thời gian: ${m.when}. Địa điểm: ${m.place}.` },
      { kind: 'paragraph', text: `Chủ trì: ${head.leader}, ${head.name} (Trưởng khối).` },
      {
        kind: 'paragraph',
        text: `Thành phần: lãnh đạo và cán bộ đầu mối của ${demoUnits.length}/${demoUnits.length} đơn vị trong Khối.`,
      },
      { kind: 'heading', level: 1, text: 'NỘI DUNG' },
      ...m.agreed.map((text, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${text}` })),
      { kind: 'paragraph', text: 'Biên bản được thông qua tại Hội nghị và gửi các đơn vị trong Khối./.' },
    ],
    signer: { authority: 'TM. KHỐI THI ĐUA', title: 'TRƯỞNG KHỐI', name: head.leader },
    recipients: ['Các đơn vị trong Khối', 'Lưu: VT'],
  });
}
