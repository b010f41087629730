/**
 * The bloc's own report to the city (.docx, Decree 30 layout): "Sơ kết … 6 tháng đầu năm" or "Tổng kết … năm",
 * generated from the year's data — the units' reports, registrations, the covenant, events, exemplary models
 * and, at year end, the published ranking — and left for the head to edit (assessment and next tasks).
 */
import {
  unitReportStateLabels,
  unitsIn,
  type BlocReportPeriod,
  type UnitReportStatus,
} from '../../domain/bloc-reports';
import { unitStatusLabels, type UnitRegistrationStatus } from '../../domain/registrations';
import { formatVnDate, formatVnDateTime } from '../../domain/time';
import type { DocMeta } from './doc-meta';
import { renderOfficialDocument } from './docx/official';
import type { Block, Cell, OfficialDocument } from './docx/types';
import { RESULTS_DOC_NUMBER } from './results-docx';

export interface BlocReportInput {
  year: number;
  period: BlocReportPeriod;
  blocName: string;
  date: Date;
  reports: { unitName: string; status: UnitReportStatus }[];
  registrations: {
    units: { unitName: string; status: UnitRegistrationStatus; submittedAt: string | null }[];
    /** When the head sent the summary to the Council, newest first. */
    dispatches: { docNumber: string | null; sentOn: string }[];
  };
  covenant: null | {
    title: string;
    version: number;
    publishedAt: string;
    units: { name: string; signerName: string | null; signedAt: string | null }[];
  };
  events: {
    title: string;
    startsAt: string;
    location: string;
    hostName: string;
    participants: string[];
    minutes: boolean;
  }[];
  exemplars: { title: string; unitName: string; field: string; presentAtConference: boolean }[];
  /** The published year-end ranking; null before publication (and always at mid-year). */
  results: null | {
    roundTitle: string;
    publishedAt: string | null;
    rows: { rank: number | null; unitName: string; scoreText: string | null }[];
  };
}

export const BLOC_REPORT_RECIPIENTS = [
  'Hội đồng Thi đua – Khen thưởng thành phố',
  'Ban Thi đua – Khen thưởng thành phố',
  'Các đơn vị trong Khối',
  'Lưu: VT',
];

/** "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024" / "Tổng kết … năm 2024". */
export const blocReportSubject = (period: BlocReportPeriod, year: number): string =>
  period === 'mid-year'
    ? `Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm ${year}`
    : `Tổng kết công tác thi đua, khen thưởng năm ${year}`;

const day = (iso: string | null) => (iso ? formatVnDate(iso) : '');
const list = (names: readonly string[]) => `${names.join('; ')}.`;
const editable = (text: string): Block => ({ kind: 'paragraph', text, italic: true });

function reportsSection(r: BlocReportInput): Block[] {
  const late = unitsIn(r.reports, 'late');
  const missing = unitsIn(r.reports, 'missing');
  const sent = r.reports.filter((x) => x.status.sentAt).length;
  const rows: Cell[][] = r.reports.map((x, i) => [
    String(i + 1),
    x.unitName,
    x.status.sentAt ? formatVnDateTime(x.status.sentAt) : '',
    day(x.status.deadlineAt),
    x.status.state === 'on-time'
      ? unitReportStateLabels[x.status.state]
      : { text: unitReportStateLabels[x.status.state], bold: true },
  ]);
  return [
    { kind: 'heading', level: 2, text: '1. Báo cáo của các đơn vị trong Khối' },
    {
      kind: 'paragraph',
      text: `Đã có ${sent}/${r.reports.length} đơn vị gửi báo cáo ${r.period === 'mid-year' ? 'sơ kết 6 tháng' : 'tổng kết năm'} về Trưởng khối.`,
    },
    ...(rows.length
      ? ([
          {
            kind: 'table',
            columns: [
              { header: 'STT', width: 7, align: 'center' },
              { header: 'Đơn vị', width: 34 },
              { header: 'Thời điểm gửi', width: 20, align: 'center' },
              { header: 'Hạn gửi', width: 14, align: 'center' },
              { header: 'Tình trạng', width: 26 },
            ],
            rows,
            fontSize: 11,
          },
        ] satisfies Block[])
      : []),
    ...(late.length ? [{ kind: 'paragraph', text: `Đơn vị gửi muộn: ${list(late)}` } satisfies Block] : []),
    ...(missing.length
      ? [{ kind: 'paragraph', text: `Đơn vị chưa gửi báo cáo: ${list(missing)}` } satisfies Block]
      : []),
  ];
}

function registrationsSection(r: BlocReportInput): Block[] {
  const { units, dispatches } = r.registrations;
  const accepted = units.filter((u) => u.status === 'accepted').length;
  const first = dispatches.at(-1);
  return [
    { kind: 'heading', level: 2, text: '2. Đăng ký danh hiệu thi đua, hình thức khen thưởng' },
    {
      kind: 'paragraph',
      text: `Trưởng khối đã nhận đăng ký của ${accepted}/${units.length} đơn vị. ${
        first
          ? `Bảng tổng hợp đăng ký thi đua đã gửi Hội đồng Thi đua – Khen thưởng thành phố ngày ${first.sentOn.split('-').reverse().join('/')}${first.docNumber ? ` (văn bản số ${first.docNumber})` : ''}.`
          : 'Bảng tổng hợp đăng ký thi đua chưa gửi Hội đồng Thi đua – Khen thưởng thành phố.'
      }`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Đơn vị', width: 44 },
        { header: 'Trạng thái', width: 20, align: 'center' },
        { header: 'Ngày gửi', width: 20, align: 'center' },
      ],
      rows: units.map((u, i) => [String(i + 1), u.unitName, unitStatusLabels[u.status], day(u.submittedAt)]),
      fontSize: 12,
    },
  ];
}

function covenantSection(r: BlocReportInput): Block[] {
  const heading: Block = { kind: 'heading', level: 2, text: '3. Ký kết giao ước thi đua' };
  const c = r.covenant;
  if (!c) return [heading, { kind: 'paragraph', text: 'Giao ước thi đua của Khối chưa được ban hành.' }];
  const signed = c.units.filter((u) => u.signedAt);
  const unsigned = c.units.filter((u) => !u.signedAt).map((u) => u.name);
  return [
    heading,
    {
      kind: 'paragraph',
      text: `Giao ước thi đua "${c.title}" (bản số ${c.version}) ban hành ngày ${formatVnDate(c.publishedAt)}; đã có ${signed.length}/${c.units.length} đơn vị ký kết.${unsigned.length ? ` Đơn vị chưa ký: ${list(unsigned)}` : ''}`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Đơn vị', width: 40 },
        { header: 'Người ký', width: 24 },
        { header: 'Thời điểm ký', width: 20, align: 'center' },
      ],
      rows: c.units.map((u, i) => [
        String(i + 1),
        u.name,
        u.signerName ?? 'Chưa ký',
        u.signedAt ? formatVnDateTime(u.signedAt) : '',
      ]),
      fontSize: 12,
    },
  ];
}

function eventsSection(r: BlocReportInput): Block[] {
  const heading: Block = {
    kind: 'heading',
    level: 2,
    text: '4. Hội nghị, hoạt động giao lưu, học tập kinh nghiệm',
  };
  if (!r.events.length) {
    return [heading, { kind: 'paragraph', text: 'Trong kỳ, Khối không tổ chức sự kiện nào.' }];
  }
  return [
    heading,
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 7, align: 'center' },
        { header: 'Thời gian', width: 14, align: 'center' },
        { header: 'Sự kiện', width: 24 },
        { header: 'Địa điểm', width: 16 },
        { header: 'Đơn vị chủ trì', width: 14 },
        { header: 'Đơn vị tham gia', width: 18 },
        { header: 'Biên bản', width: 9, align: 'center' },
      ],
      rows: r.events.map((e, i) => [
        String(i + 1),
        formatVnDateTime(e.startsAt),
        e.title,
        e.location,
        e.hostName,
        e.participants.join('; '),
        e.minutes ? 'Đã có' : 'Chưa có',
      ]),
      fontSize: 11,
    },
  ];
}

function exemplarsSection(r: BlocReportInput): Block[] {
  const heading: Block = { kind: 'heading', level: 2, text: '5. Xây dựng, nhân rộng điển hình tiên tiến' };
  if (!r.exemplars.length) {
    return [heading, { kind: 'paragraph', text: 'Chưa có đơn vị đăng điển hình tiên tiến.' }];
  }
  const marked = r.exemplars.filter((x) => x.presentAtConference).length;
  return [
    heading,
    {
      kind: 'paragraph',
      text: `Các đơn vị đã giới thiệu ${r.exemplars.length} điển hình tiên tiến; ${marked} điển hình được chọn trình bày tại Hội nghị tổng kết.`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Điển hình', width: 34 },
        { header: 'Đơn vị', width: 26 },
        { header: 'Lĩnh vực', width: 18 },
        { header: 'Trình bày tại hội nghị tổng kết', width: 14, align: 'center' },
      ],
      rows: r.exemplars.map((x, i) => [
        String(i + 1),
        x.title,
        x.unitName,
        x.field,
        x.presentAtConference ? 'Có' : '',
      ]),
      fontSize: 12,
    },
  ];
}

function resultsSection(r: BlocReportInput): Block[] {
  const heading: Block = { kind: 'heading', level: 2, text: '6. Kết quả chấm điểm, xếp hạng thi đua' };
  const res = r.results;
  if (!res) {
    return [
      heading,
      { kind: 'paragraph', text: `Kết quả chấm điểm thi đua năm ${r.year} chưa được công bố.` },
    ];
  }
  return [
    heading,
    {
      kind: 'paragraph',
      text: `Kết quả ${res.roundTitle.charAt(0).toLowerCase()}${res.roundTitle.slice(1)}${res.publishedAt ? `, công bố ngày ${formatVnDate(res.publishedAt)}` : ''}:`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'Xếp hạng', width: 12, align: 'center' },
        { header: 'Đơn vị', width: 60 },
        { header: 'Điểm', width: 18, align: 'center' },
      ],
      rows: res.rows.map((x) => [x.rank === null ? '' : String(x.rank), x.unitName, x.scoreText ?? '']),
      fontSize: 12,
    },
  ];
}

/** The report as an official document of the bloc, issued by its head unit. */
export function blocReportDocument(meta: DocMeta, r: BlocReportInput): OfficialDocument {
  const mid = r.period === 'mid-year';
  const span = mid ? `từ ngày 01/01/${r.year} đến ngày 30/6/${r.year}` : `năm ${r.year}`;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện Kế hoạch công tác thi đua, khen thưởng năm ${r.year} của ${r.blocName}, Trưởng khối báo cáo kết quả công tác thi đua, khen thưởng ${span} như sau:`,
    },
    { kind: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' },
    ...reportsSection(r),
    ...registrationsSection(r),
    ...covenantSection(r),
    ...eventsSection(r),
    ...exemplarsSection(r),
    ...(mid ? [] : resultsSection(r)),
    { kind: 'heading', level: 1, text: 'II. ĐÁNH GIÁ CHUNG' },
    editable('(Trưởng khối bổ sung nhận xét về ưu điểm, hạn chế và nguyên nhân.)'),
    {
      kind: 'heading',
      level: 1,
      text: mid ? 'III. NHIỆM VỤ 6 THÁNG CUỐI NĂM' : 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TIẾP THEO',
    },
    editable('(Trưởng khối bổ sung nhiệm vụ, giải pháp trọng tâm và đề xuất, kiến nghị.)'),
  ];
  // The bloc above, its head unit below, which issues the report for it; the usual header without a head.
  const header = meta.headUnitName
    ? { governingBody: meta.issuingBody, issuingBody: meta.headUnitName.toUpperCase() }
    : { governingBody: meta.governingBody, issuingBody: meta.issuingBody };
  return {
    ...header,
    docNumber: RESULTS_DOC_NUMBER,
    place: meta.place,
    date: r.date,
    docType: 'BÁO CÁO',
    subject: blocReportSubject(r.period, r.year),
    blocks,
    signer: meta.signer,
    recipients: BLOC_REPORT_RECIPIENTS,
  };
}

export const blocReportDocx = (meta: DocMeta, r: BlocReportInput): Promise<Buffer> =>
  renderOfficialDocument(blocReportDocument(meta, r));
