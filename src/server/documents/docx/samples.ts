/**
 * Sample inputs built from the seed plan (Kế hoạch 1192/KH-KTĐ, Hải Phòng, 2024): used by the tests and to
 * look at the rendered documents (`npx tsx src/server/documents/docx/samples.ts /tmp/docs`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CriterionNode } from '../../../domain/criteria';
import { compareFractions, formatPoints, fraction } from '../../../domain/points';
import { renderOfficialDocument } from './official';
import { resultsSummaryDocx, type ResultsSummaryInput } from './results-summary';
import { scoreSheetDocx, type ScoreSheetInput } from './score-sheet';
import type { OfficialDocument, Signer } from './types';

export const SEED_HEADER = {
  governingBody: 'UBND THÀNH PHỐ HẢI PHÒNG',
  issuingBody: 'KHỐI THI ĐUA CÁC CƠ QUAN QUẢN LÝ KINH TẾ THÀNH PHỐ',
  place: 'Hải Phòng',
} as const;

/** 2024-03-19T17:30:00Z is 00:30 on 20 March 2024 in Vietnam: the seed's date, and a timezone trap. */
export const SEED_DATE = new Date('2024-03-19T17:30:00Z');
export const SEED_SIGNER: Signer = {
  authority: 'KT. TRƯỞNG BAN',
  title: 'PHÓ TRƯỞNG BAN',
  name: 'BÙI NGỌC HẢI',
};
export const SEED_RECIPIENTS = [
  'Hội đồng TĐKT TP (để b/c)',
  'Ban TĐKT thành phố (để b/c)',
  'Các đơn vị trong khối',
  'Lưu: VT, VP',
];

/** The seed plan, abridged: its header, subject, the scoring rule and the first quarter's tasks. */
export function samplePlan(): OfficialDocument {
  return {
    ...SEED_HEADER,
    docNumber: '1192/KH-KTĐ',
    date: SEED_DATE,
    docType: 'KẾ HOẠCH',
    subject:
      'Triển khai công tác Thi đua, khen thưởng năm 2024\nKhối thi đua các cơ quan Quản lý kinh tế thành phố',
    blocks: [
      {
        kind: 'paragraph',
        text: 'Căn cứ Quyết định số 3700/QĐ-UBND ngày 08/11/2023 của UBND thành phố Hải Phòng về việc thành lập các cụm, khối thi đua trên địa bàn thành phố;',
      },
      { kind: 'heading', level: 1, text: 'I. MỤC ĐÍCH, YÊU CẦU' },
      { kind: 'heading', level: 2, text: '1. Mục đích' },
      {
        kind: 'paragraph',
        text: 'Tổ chức thực hiện phong trào thi đua Khối các cơ quan Quản lý kinh tế thành phố năm 2024 nhằm tạo động lực cho cán bộ, công chức, viên chức và người lao động của các đơn vị trong Khối phấn đấu nâng cao năng suất, chất lượng, hiệu quả công việc.',
      },
      { kind: 'heading', level: 1, text: 'II. KẾ HOẠCH TRIỂN KHAI CÔNG TÁC THI ĐUA, KHEN THƯỞNG' },
      { kind: 'heading', level: 2, text: '2. Nội dung triển khai cụ thể' },
      { kind: 'heading', level: 3, text: '2.1. Quý I/2024:' },
      {
        kind: 'bullets',
        items: [
          'Xây dựng Kế hoạch công tác thi đua, khen thưởng của Khối năm 2024.',
          'Xây dựng tiêu chí, nội dung chấm điểm thi đua của Khối năm 2024.',
        ],
      },
      {
        kind: 'paragraph',
        text: 'Điểm của từng đơn vị = (Điểm đơn vị tự chấm + Điểm của 6 đơn vị trong Khối chấm chéo)/7.',
        italic: true,
      },
      { kind: 'note', text: 'Bảng chấm điểm gửi kèm.' },
    ],
    signer: SEED_SIGNER,
    recipients: SEED_RECIPIENTS,
  };
}

const UNITS = [
  { id: 'bql', name: 'Ban Quản lý Khu kinh tế Hải Phòng', shortName: 'BQL KKT', base: 9550 },
  { id: 'khdt', name: 'Sở Kế hoạch và Đầu tư', shortName: 'Sở KH&ĐT', base: 9400 },
  { id: 'ct', name: 'Sở Công Thương', shortName: 'Sở CT', base: 9200 },
  { id: 'tc', name: 'Sở Tài chính', shortName: 'Sở TC', base: 9200 },
  { id: 'thue', name: 'Cục Thuế thành phố', shortName: 'Cục Thuế', base: 9050 },
  { id: 'hq', name: 'Cục Hải quan Hải Phòng', shortName: 'Cục HQ', base: 8875 },
  { id: 'tk', name: 'Cục Thống kê thành phố', shortName: 'Cục TK', base: 8550 },
];

/**
 * A year-end round of 7 units: each scorer adds its own bias; Cục TK sent no sheet for Cục HQ (the mean
 * of the sheets received applies); Sở CT and Sở TC tie and a tie-breaker puts Sở CT first.
 */
export function sampleResults(): ResultsSummaryInput {
  const bias = [0, -50, 25, 0, -100, 50, 0];
  const matrix: Record<string, Record<string, number>> = {};
  UNITS.forEach((s, i) => {
    matrix[s.id] = Object.fromEntries(
      UNITS.filter((u) => !(s.id === 'tk' && u.id === 'hq')).map((u) => [u.id, u.base + (bias[i] ?? 0)]),
    );
  });
  const mean = (id: string) => {
    const given = UNITS.map((s) => matrix[s.id]?.[id]).filter((v): v is number => v !== undefined);
    return fraction(
      given.reduce((a, b) => a + b, 0),
      given.length,
    );
  };
  const rows = UNITS.map((u, i) => ({
    unitId: u.id,
    scoreText: formatPoints(mean(u.id)),
    rank: i + 1,
    note: '',
  }));
  const [ct, tc] = [rows[2], rows[3]];
  if (ct && tc && compareFractions(mean(ct.unitId), mean(tc.unitId)) === 0) {
    ct.note = 'Bằng điểm với Sở Tài chính; xếp trên theo tiêu chí phụ: Ít điểm trừ hơn';
    tc.note = 'Bằng điểm với Sở Công Thương';
  }
  return {
    ...SEED_HEADER,
    date: new Date('2024-12-20T02:00:00Z'),
    blocName: 'Khối thi đua các cơ quan Quản lý kinh tế thành phố',
    year: 2024,
    roundTitle: 'Đợt chấm điểm tổng kết năm 2024',
    units: UNITS.map(({ id, name, shortName }) => ({ id, name, shortName })),
    matrix,
    rows,
    policyText:
      'Điểm bình quân tính trên các bảng điểm đã nhận (Cục Thống kê thành phố chưa gửi bảng điểm cho Cục Hải quan Hải Phòng).',
    tieText: 'Sở Công Thương và Sở Tài chính bằng điểm; xếp hạng theo tiêu chí phụ: Ít điểm trừ hơn.',
    afterClose: [],
    signer: { authority: 'TM. KHỐI THI ĐUA', title: 'TRƯỞNG KHỐI', name: 'NGUYỄN VĂN A' },
    recipients: ['Ban TĐKT thành phố (để b/c)', 'Các đơn vị trong khối'],
  };
}

/** A criterion of `maxPoints` whole points. */
const node = (
  id: string,
  code: string,
  text: string,
  maxPoints: number,
  children: CriterionNode[] = [],
  kind: CriterionNode['kind'] = 'normal',
): CriterionNode => ({
  id,
  code,
  text,
  kind,
  maxPoints: maxPoints * 100,
  step: 25,
  guidance: null,
  children: children.map((c) => ({ ...c, kind })),
});

/** A small criteria tree: two sections of 100 points, 5 bonus points and 5 deduction points. */
export const SAMPLE_TREE: CriterionNode[] = [
  node('I', 'I', 'Thực hiện nhiệm vụ chính trị, chuyên môn', 60, [
    {
      ...node('I1', '1', 'Hoàn thành các chỉ tiêu kinh tế - xã hội được giao', 40),
      guidance: 'Hoàn thành 100% chỉ tiêu: 40 điểm',
    },
    node('I2', '2', 'Cải cách hành chính, chuyển đổi số', 20),
  ]),
  node('II', 'II', 'Công tác thi đua, khen thưởng', 40, [
    node('II1', '1', 'Tổ chức phát động phong trào thi đua', 20),
    node('II2', '2', 'Gửi báo cáo đúng thời hạn', 20),
  ]),
  node(
    'III',
    'III',
    'Điểm thưởng',
    5,
    [node('III1', '1', 'Có mô hình điển hình tiên tiến được nhân rộng', 5)],
    'bonus',
  ),
  node('IV', 'IV', 'Điểm trừ', 5, [node('IV1', '1', 'Gửi báo cáo chậm so với thời hạn', 5)], 'deduction'),
];

/** Sở Kế hoạch và Đầu tư scores Sở Công Thương (85,50 in all), or a blank sheet. */
export function sampleSheet(blank = false): ScoreSheetInput {
  return {
    governingBody: 'UBND THÀNH PHỐ HẢI PHÒNG',
    issuingBody: 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ',
    place: 'Hải Phòng',
    date: blank ? null : SEED_DATE,
    year: 2024,
    title: 'BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2024',
    scorerName: blank ? null : 'Sở Kế hoạch và Đầu tư',
    scoredName: blank ? null : 'Sở Công Thương',
    tree: SAMPLE_TREE,
    scores: blank ? null : { I1: 3800, I2: 1750, II1: 1800, II2: 1500, III1: 100, IV1: 400 },
    signer: { title: 'THỦ TRƯỞNG ĐƠN VỊ', name: blank ? '' : 'Trần Văn B' },
    recipients: ['Trưởng khối (Ban Quản lý Khu kinh tế Hải Phòng)'],
  };
}

/** Writes every sample .docx into `dir`. */
export async function writeSamples(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, Promise<Buffer>][] = [
    ['plan.docx', renderOfficialDocument(samplePlan())],
    ['results.docx', resultsSummaryDocx(sampleResults())],
    ['sheet.docx', scoreSheetDocx(sampleSheet())],
    ['sheet-blank.docx', scoreSheetDocx(sampleSheet(true))],
  ];
  return Promise.all(
    files.map(async ([name, data]) => {
      const path = join(dir, name);
      await writeFile(path, await data);
      return path;
    }),
  );
}

if (process.argv[1]?.endsWith('samples.ts') && process.argv[2]) {
  console.log((await writeSamples(process.argv[2])).join('\n'));
}
