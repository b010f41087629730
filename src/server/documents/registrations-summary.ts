/** "Bảng tổng hợp đăng ký thi đua": every unit's registration, for the city's Council (.xlsx and .docx). */
import ExcelJS from 'exceljs';
import { unitStatusLabels } from '../../domain/registrations';
import type { TCatalogueEntry, TUnitRegistration } from '../../shared/registrations';
import type { DocMeta } from './doc-meta';
import { renderOfficialDocument } from './docx/official';
import type { Block, Cell, OfficialDocument } from './docx/types';
import { addTableSheet, toBuffer } from './xlsx';
import { instantToVn } from '../../domain/time';

export const COUNCIL = 'Hội đồng Thi đua - Khen thưởng thành phố';

export interface RegistrationSummaryInput {
  year: number;
  blocName: string;
  date: Date;
  units: readonly TUnitRegistration[];
  catalogue: readonly TCatalogueEntry[];
}

/** "Cờ thi đua của UBND thành phố; Chiến sĩ thi đua thành phố (Nguyễn Văn A)". */
export const choiceText = (u: TUnitRegistration): string =>
  u.items.map((i) => (i.nominee ? `${i.name} (${i.nominee})` : i.name)).join('; ');

/** "07/3/2025" in Vietnam time, or empty. */
const day = (iso: string | null): string => {
  if (!iso) return '';
  const [y, m, d] = instantToVn(iso).date.split('-').map(Number) as [number, number, number];
  return `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`;
};

/** Per catalogue entry: the units accepted for it (what the Council counts against the bloc's quota). */
export function byAward(input: Pick<RegistrationSummaryInput, 'units' | 'catalogue'>) {
  return input.catalogue.map((e) => {
    const units = input.units.filter(
      (u) => u.status === 'accepted' && u.items.some((i) => i.code === e.code),
    );
    const count = units.reduce((n, u) => n + u.items.filter((i) => i.code === e.code).length, 0);
    return { entry: e, count, unitNames: units.map((u) => u.unitName) };
  });
}

const notRegistered = (input: RegistrationSummaryInput) =>
  input.units.filter((u) => u.status === 'none' || u.status === 'returned').map((u) => u.unitName);

/** The summary as an official document addressed to the Council. */
export function registrationSummaryDocument(
  meta: DocMeta,
  input: RegistrationSummaryInput,
): OfficialDocument {
  const rows: Cell[][] = input.units.map((u, i) => [
    String(i + 1),
    u.unitName,
    choiceText(u),
    u.commitments ?? '',
    unitStatusLabels[u.status],
    day(u.submittedAt),
  ]);
  const awards = byAward(input).map((a, i): Cell[] => [
    String(i + 1),
    a.entry.name,
    a.entry.level,
    String(a.count),
    a.entry.quotaPerBloc === null ? 'Không giới hạn' : String(a.entry.quotaPerBloc),
    a.unitNames.join('; '),
  ]);
  const missing = notRegistered(input);
  const blocks: Block[] = [
    { kind: 'paragraph', text: `Kính gửi: ${COUNCIL}.`, align: 'center' },
    {
      kind: 'paragraph',
      text: `Thực hiện Kế hoạch công tác thi đua, khen thưởng năm ${input.year}, ${input.blocName} tổng hợp đăng ký danh hiệu thi đua và hình thức khen thưởng năm ${input.year} của các đơn vị trong Khối như sau:`,
    },
    { kind: 'heading', level: 1, text: 'I. ĐĂNG KÝ CỦA CÁC ĐƠN VỊ' },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 5, align: 'center' },
        { header: 'Đơn vị', width: 20 },
        { header: 'Danh hiệu, hình thức khen thưởng đăng ký', width: 25 },
        { header: 'Nội dung cam kết', width: 30 },
        { header: 'Trạng thái', width: 10, align: 'center' },
        { header: 'Ngày gửi', width: 10, align: 'center' },
      ],
      rows,
      fontSize: 11,
    },
    { kind: 'heading', level: 1, text: 'II. TỔNG HỢP THEO DANH HIỆU, HÌNH THỨC KHEN THƯỞNG' },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 5, align: 'center' },
        { header: 'Danh hiệu, hình thức khen thưởng', width: 25 },
        { header: 'Cấp quyết định', width: 18 },
        { header: 'Số đăng ký đã nhận', width: 10, align: 'center' },
        { header: 'Số lượng Khối được đề nghị', width: 12, align: 'center' },
        { header: 'Đơn vị', width: 30 },
      ],
      rows: awards,
      fontSize: 11,
    },
    {
      kind: 'note',
      text: 'Cột “Số đăng ký đã nhận” chỉ tính các đăng ký Trưởng khối đã nhận.',
    },
    {
      kind: 'note',
      text: missing.length
        ? `Đơn vị chưa đăng ký hoặc đang hoàn thiện đăng ký: ${missing.join('; ')}.`
        : 'Tất cả các đơn vị trong Khối đã gửi đăng ký.',
    },
  ];
  return {
    governingBody: meta.governingBody,
    issuingBody: meta.issuingBody,
    docNumber: null,
    place: meta.place,
    date: input.date,
    docType: 'BẢNG TỔNG HỢP',
    subject: `Đăng ký danh hiệu thi đua và hình thức khen thưởng năm ${input.year}`,
    blocks,
    signer: meta.signer,
    recipients: [
      'Như trên',
      'Ban Thi đua - Khen thưởng thành phố (để b/c)',
      'Các đơn vị trong Khối',
      'Lưu: VT',
    ],
    landscape: true,
  };
}

export const registrationSummaryDocx = (meta: DocMeta, input: RegistrationSummaryInput): Promise<Buffer> =>
  renderOfficialDocument(registrationSummaryDocument(meta, input));

/** The same summary as a workbook: one sheet of units, one of titles and awards (counts are numbers). */
export async function registrationSummaryXlsx(input: RegistrationSummaryInput): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const title = [`BẢNG TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM ${input.year}`, input.blocName];
  addTableSheet(book, 'Đăng ký', {
    title,
    columns: [
      { header: 'STT', width: 6, kind: 'integer' },
      { header: 'Đơn vị', width: 36, kind: 'text' },
      { header: 'Danh hiệu, hình thức khen thưởng đăng ký', width: 40, kind: 'text' },
      { header: 'Nội dung cam kết', width: 50, kind: 'text' },
      { header: 'Trạng thái', width: 14, kind: 'text' },
      { header: 'Ngày gửi', width: 12, kind: 'text' },
      { header: 'Lý do trả lại', width: 30, kind: 'text' },
    ],
    rows: input.units.map((u, i) => ({
      cells: [
        i + 1,
        u.unitName,
        choiceText(u),
        u.commitments ?? '',
        unitStatusLabels[u.status],
        day(u.submittedAt),
        u.returnReason ?? '',
      ],
    })),
  });
  addTableSheet(book, 'Theo danh hiệu', {
    title,
    columns: [
      { header: 'STT', width: 6, kind: 'integer' },
      { header: 'Mã', width: 16, kind: 'text' },
      { header: 'Danh hiệu, hình thức khen thưởng', width: 40, kind: 'text' },
      { header: 'Cấp quyết định', width: 26, kind: 'text' },
      { header: 'Số đăng ký đã nhận', width: 12, kind: 'integer' },
      { header: 'Số lượng Khối được đề nghị', width: 14, kind: 'integer' },
      { header: 'Đơn vị', width: 50, kind: 'text' },
    ],
    rows: byAward(input).map((a, i) => ({
      cells: [
        i + 1,
        a.entry.code,
        a.entry.name,
        a.entry.level,
        a.count,
        a.entry.quotaPerBloc,
        a.unitNames.join('; '),
      ],
    })),
    footer: [
      'Số đăng ký đã nhận chỉ tính các đăng ký Trưởng khối đã nhận; ô trống ở cột số lượng: không giới hạn.',
    ],
  });
  return toBuffer(book);
}
