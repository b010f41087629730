/** "Bảng tổng hợp kết quả chấm điểm thi đua" of a scoring round: the whole matrix, the means and the ranking. */
import { formatHundredths } from '../../../domain/points';
import { contentWidth } from './layout';
import { renderOfficialDocument } from './official';
import type { Block, Cell, Column, OfficialDocument, Signer } from './types';

export interface ResultsSummaryInput {
  governingBody: string;
  issuingBody: string;
  /** Usually left blank for the clerk. */
  docNumber?: string | null;
  place: string;
  /** The publication day; null leaves the date for the clerk. */
  date: Date | null;
  blocName: string;
  year: number;
  roundTitle: string;
  /** In ranking order. */
  units: { id: string; name: string; shortName: string }[];
  /** matrix[scorerId][scoredId] = total in hundredths (integer), missing when not submitted. */
  matrix: Record<string, Record<string, number>>;
  /** Same order as units. */
  /** `awards`: the unit's proposed awards, given (for every row) when the year's nominations exist. */
  rows: { unitId: string; scoreText: string | null; rank: number | null; note: string; awards?: string }[];
  /** Which missing-sheet rule applied. */
  policyText: string;
  /** How ties were decided. */
  tieText: string;
  /** Reopenings and sheets changed after close (after-close.ts); a section of its own when any. */
  afterClose: string[];
  signer: Signer;
  recipients: string[];
}

/** Marks in the matrix: the scorer's own row (its self score has its own column) and a sheet not submitted. */
export const SELF_MARK = 'x';
export const MISSING_MARK = '—';

/** "Điểm của từng đơn vị = (Điểm đơn vị tự chấm + Điểm của 6 đơn vị trong Khối chấm chéo)/7." for N = 7. */
export function formulaText(n: number): string {
  return `Điểm của từng đơn vị = (Điểm đơn vị tự chấm + Điểm của ${n - 1} đơn vị trong Khối chấm chéo)/${n}.`;
}

/** Twips of the fixed columns; the scorer columns share what is left with the names and notes. */
const FIXED = { stt: 560, self: 760, mean: 900, rank: 620 } as const;

/** Whether the table has the "Đề nghị khen thưởng" column. */
const hasAwards = (input: ResultsSummaryInput) => input.rows.some((r) => r.awards !== undefined);

function columns(units: ResultsSummaryInput['units'], awards: boolean): Column[] {
  const width = contentWidth(true);
  const n = units.length;
  const fixed = FIXED.stt + FIXED.self + FIXED.mean + FIXED.rank;
  const scorer = Math.max(600, Math.min(980, Math.floor((width - fixed - 4600) / Math.max(n, 1))));
  const text = (width - fixed - scorer * n) / (awards ? 3 : 2);
  return [
    { header: 'STT', width: FIXED.stt, align: 'center' },
    { header: 'Đơn vị', width: text, align: 'left' },
    { header: 'Tự chấm', width: FIXED.self, align: 'center' },
    ...units.map((u): Column => ({ header: u.shortName, width: scorer, align: 'center' })),
    { header: 'Điểm bình quân', width: FIXED.mean, align: 'center' },
    { header: 'Xếp hạng', width: FIXED.rank, align: 'center' },
    ...(awards ? [{ header: 'Đề nghị khen thưởng', width: text, align: 'left' } as const] : []),
    { header: 'Ghi chú', width: text, align: 'left' },
  ];
}

/** One table row: the unit's self score, every scorer's score of it, its mean, rank and note. */
function row(input: ResultsSummaryInput, index: number): Cell[] {
  const unit = input.units[index];
  if (!unit) throw new RangeError(`no unit at ${index}`);
  const result = input.rows.find((r) => r.unitId === unit.id);
  if (!result) throw new RangeError(`no result row for unit ${unit.id}`);
  const given = (scorerId: string): string => {
    const v = input.matrix[scorerId]?.[unit.id];
    return v === undefined ? MISSING_MARK : formatHundredths(v);
  };
  return [
    String(index + 1),
    unit.name,
    given(unit.id),
    ...input.units.map((s) => (s.id === unit.id ? SELF_MARK : given(s.id))),
    { text: result.scoreText ?? MISSING_MARK, bold: true },
    { text: result.rank === null ? '' : String(result.rank), bold: true },
    ...(hasAwards(input) ? [result.awards ?? ''] : []),
    result.note,
  ];
}

/** The summary as an official document (landscape), before rendering. */
export function resultsSummaryDocument(input: ResultsSummaryInput): OfficialDocument {
  const n = input.units.length;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `Điểm của từng đơn vị được xác định là điểm trung bình cộng của Điểm đơn vị tự chấm và Điểm của ${n - 1} đơn vị trong Khối chấm chéo:`,
    },
    { kind: 'paragraph', text: formulaText(n), bold: true, align: 'center' },
    {
      kind: 'table',
      columns: columns(input.units, hasAwards(input)),
      groups: [
        { span: 1 },
        { span: 1 },
        { span: 1 },
        { header: 'Điểm các đơn vị trong Khối chấm chéo', span: n },
        { span: 1 },
        { span: 1 },
        { span: 1 },
        ...(hasAwards(input) ? [{ span: 1 }] : []),
      ],
      rows: input.units.map((_, i) => row(input, i)),
      fontSize: n >= 9 ? 10 : 11,
    },
    { kind: 'note', text: `Cách tính khi thiếu bảng điểm: ${input.policyText}` },
    { kind: 'note', text: `Xử lý bằng điểm: ${input.tieText}` },
    {
      kind: 'note',
      text: `Ghi chú: “${SELF_MARK}” — đơn vị không chấm chéo cho chính mình (điểm tự chấm ở cột Tự chấm); “${MISSING_MARK}” — đơn vị chưa gửi bảng điểm. Điểm làm tròn đến 2 chữ số thập phân; xếp hạng theo giá trị chính xác.`,
    },
    ...(input.afterClose.length
      ? [
          { kind: 'heading' as const, level: 2 as const, text: 'Mở lại và thay đổi sau khi đóng đợt chấm' },
          { kind: 'bullets' as const, items: input.afterClose },
        ]
      : [
          {
            kind: 'note' as const,
            text: 'Không có lần mở lại hay thay đổi bảng điểm nào sau khi đóng đợt chấm.',
          },
        ]),
  ];
  return {
    governingBody: input.governingBody,
    issuingBody: input.issuingBody,
    docNumber: input.docNumber ?? null,
    place: input.place,
    date: input.date,
    // The year once: in the round's title when it names it, else in the document type.
    docType: `BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA${input.roundTitle.includes(String(input.year)) ? '' : ` NĂM ${input.year}`}`,
    subject: `${input.blocName}\n${input.roundTitle}`,
    blocks,
    signer: input.signer,
    recipients: input.recipients,
    landscape: true,
  };
}

/** The .docx of a round's results summary. */
export async function resultsSummaryDocx(input: ResultsSummaryInput): Promise<Buffer> {
  return renderOfficialDocument(resultsSummaryDocument(input));
}
