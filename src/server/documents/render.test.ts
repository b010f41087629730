/**
 * Every generated .docx as it prints: converted to PDF by the app's own LibreOffice path, then read back with
 * poppler — page count, page numbers from page 2 centred in the header, one embedded font family with the
 * Vietnamese letters intact — and rendered to PNG under test-results/docs/ (kept as CI artefacts).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCriteriaTree } from '../demo/criteria';
import { demoBloc, demoUnits, demoYear } from '../demo/data';
import { demoPlanContent } from '../demo/plan';
import { normalizeContent } from '../modules/plans/content';
import { docxToPdf, hasSoffice } from '../modules/plans/pdf';
import { docxText } from '../testing/docx';
import { fullScores } from '../testing/factories';
import { hasPoppler, pageCount, pageWords, pagesToPng, pdfFonts, pdfText } from '../testing/pdf';
import { blocReportDocx, type BlocReportInput } from './bloc-report-docx';
import { covenantDocx } from './covenant-docx';
import type { DocMeta } from './doc-meta';
import { resultsSummaryDocx } from './docx/results-summary';
import { sampleResults } from './docx/samples';
import { MARGIN } from './docx/layout';
import { planDocx } from './plan-docx';
import { RESULTS_DOC_NUMBER } from './results-docx';
import { blankSheetDocx, filledSheetDocx } from './score-sheet-docx';

const tools = (await hasSoffice()) && (await hasPoppler());
// CI installs LibreOffice and poppler-utils (.ci/run): there this test must run, never be skipped quietly.
if (!tools && process.env.CI) throw new Error('LibreOffice and poppler-utils are required in CI');

const OUT = path.resolve('test-results/docs');
const meta: DocMeta = {
  governingBody: demoBloc.governingBody,
  issuingBody: demoBloc.name.toUpperCase(),
  place: demoBloc.place,
  signer: { authority: 'TM. KHỐI THI ĐUA', title: 'TRƯỞNG KHỐI', name: 'Bùi Ngọc Hải' },
  recipients: ['Hội đồng TĐKT thành phố (để b/c)', 'Các đơn vị trong Khối'],
  headUnitName: 'Ban Quản lý Khu kinh tế Hải Phòng',
};
const sheet = {
  scorerUnitName: 'Sở Tài chính',
  scoredUnitName: 'Sở Công Thương',
  scores: fullScores(demoCriteriaTree, 0.9),
  submittedAt: '2024-12-10T03:00:00Z',
};

/** A year-end report of the demo bloc: one late unit, one missing, one confirmed by the head; a ranking. */
const blocReport: BlocReportInput = {
  year: demoYear,
  period: 'year-end',
  blocName: demoBloc.name,
  date: new Date('2024-12-26T02:00:00Z'),
  reports: demoUnits.map((u, i) => {
    const state = (['on-time', 'on-time', 'late', 'missing', 'confirmed', 'on-time', 'on-time'] as const)[i]!;
    const sent = state === 'on-time' || state === 'late';
    return {
      unitName: u.name,
      status: {
        state,
        sentAt: sent ? `2024-12-0${state === 'late' ? 9 : 5}T03:00:00Z` : null,
        latestReportId: null,
        uploads: sent ? 1 : 0,
        deadlineAt: '2024-12-07T17:00:00Z',
      },
    };
  }),
  registrations: {
    units: demoUnits.map((u, i) => ({
      unitName: u.name,
      status: i === 3 ? 'none' : 'accepted',
      submittedAt: i === 3 ? null : '2024-03-15T02:00:00Z',
    })),
    dispatches: [{ docNumber: '05/KTĐ', sentOn: '2024-03-29' }],
  },
  covenant: {
    title: `Giao ước thi đua năm ${demoYear}`,
    version: 1,
    publishedAt: '2024-03-25T02:00:00Z',
    units: demoUnits.map((u, i) => ({
      name: u.name,
      signerName: i === 6 ? null : u.leader,
      signedAt: i === 6 ? null : '2024-03-26T03:00:00Z',
    })),
  },
  events: [
    {
      title: 'Hội nghị ký kết giao ước thi đua năm 2024',
      startsAt: '2024-03-26T01:00:00Z',
      location: 'Hội trường Ban Quản lý Khu kinh tế Hải Phòng',
      hostName: demoUnits[0]!.name,
      participants: ['Các đơn vị trong Khối'],
      minutes: true,
    },
    {
      title: 'Giao lưu thể thao chào mừng ngày thành lập Khối',
      startsAt: '2024-05-15T01:00:00Z',
      location: 'Nhà văn hóa thành phố',
      hostName: demoUnits[2]!.name,
      participants: demoUnits.slice(0, 4).map((u) => u.name),
      minutes: false,
    },
  ],
  exemplars: [
    {
      title: 'Mô hình “Dân vận khéo” trong thu ngân sách',
      unitName: demoUnits[2]!.name,
      field: 'Cải cách hành chính',
      presentAtConference: true,
    },
  ],
  results: {
    roundTitle: `Chấm điểm thi đua năm ${demoYear}`,
    publishedAt: '2024-12-20T02:00:00Z',
    rows: demoUnits.map((u, i) => ({ rank: i + 1, unitName: u.name, scoreText: `${95 - i * 2},${i}5` })),
  },
};

/** Each document the app generates, with the fewest pages it must take. */
const documents: { name: string; minPages: number; docx: () => Promise<Buffer> }[] = [
  {
    name: 'ke-hoach',
    minPages: 3,
    docx: () =>
      planDocx(normalizeContent(demoPlanContent), {
        governingBody: demoBloc.governingBody,
        issuingBody: demoBloc.name,
        year: demoYear,
      }),
  },
  {
    name: 'tong-hop-ket-qua',
    minPages: 1,
    docx: () => resultsSummaryDocx({ ...sampleResults(), docNumber: RESULTS_DOC_NUMBER }),
  },
  {
    name: 'bang-cham-diem',
    minPages: 2,
    docx: () => filledSheetDocx(meta, demoYear, sheet, 'Nguyễn Thị Lan', demoCriteriaTree),
  },
  { name: 'bang-cham-diem-trong', minPages: 2, docx: () => blankSheetDocx(meta, demoYear, demoCriteriaTree) },
  { name: 'bao-cao-tong-ket', minPages: 2, docx: () => blocReportDocx(meta, blocReport) },
  {
    name: 'giao-uoc',
    minPages: 2,
    docx: () =>
      covenantDocx({
        meta,
        year: demoYear,
        version: 1,
        title: `Giao ước thi đua năm ${demoYear}`,
        body: 'Căn cứ Kế hoạch số 1192/KH-KTĐ, các đơn vị trong Khối thống nhất ký kết giao ước thi đua.',
        commitments: [
          'Hoàn thành xuất sắc nhiệm vụ chính trị của đơn vị.',
          'Thực hiện tốt cải cách hành chính.',
        ],
        textHash: 'a'.repeat(64),
        publishedAt: '2024-03-25T02:00:00Z',
        // Every other unit has signed: both signer blocks (signed and blank) are on the page.
        units: demoUnits.map((u, i) => ({
          name: u.name,
          signerName: i % 2 ? null : u.leader,
          signedAt: i % 2 ? null : '2024-03-26T03:00:00Z',
          textHash: i % 2 ? null : 'a'.repeat(64),
        })),
      }),
  },
];

/** Points from twips. */
const points = (twips: number) => twips / 20;
const words = (text: string) => text.split(/[\s,.;:()“”"/]+/).filter(Boolean);

describe.runIf(tools)('documents as printed (LibreOffice → PDF → PNG)', () => {
  it.each(documents)(
    '$name: pages numbered from page 2 in the header, Tinos embedded, Vietnamese text intact',
    { timeout: 120_000 },
    async ({ name, minPages, docx }) => {
      const data = await docx();
      const pdf = await docxToPdf(data);
      expect(pdf).not.toBeNull();
      await fs.mkdir(OUT, { recursive: true });
      const stale = (await fs.readdir(OUT)).filter((f) =>
        new RegExp(`^${name}(-\\d+\\.png|\\.pdf)$`).test(f),
      );
      await Promise.all(stale.map((f) => fs.rm(path.join(OUT, f))));
      const file = path.join(OUT, `${name}.pdf`);
      await fs.writeFile(file, pdf!);

      const pages = await pageCount(file);
      expect(pages).toBeGreaterThanOrEqual(minPages);

      // One family with every Vietnamese letter, embedded: no glyph borrowed from a fallback font.
      const fonts = await pdfFonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f.name).toMatch(/^(Tinos|TimesNewRoman)/);
        expect([f.embedded, f.unicode]).toEqual([true, true]);
      }

      // Every Vietnamese word of the document comes back whole (a borrowed glyph splits "tế" into "t ế").
      const printed = new Set(words(await pdfText(file)));
      const vietnamese = [...new Set(words(await docxText(data)))].filter((w) => /[^ -~…—–]/.test(w));
      expect(vietnamese.length).toBeGreaterThan(20);
      expect(vietnamese.filter((w) => !printed.has(w))).toEqual([]);
      expect(printed).toContain('CỘNG');
      expect(printed).toContain('Hạnh');

      for (let page = 1; page <= pages; page++) {
        const { width, words: onPage } = await pageWords(file, page);
        const top = [...onPage].sort((a, b) => a.yMin - b.yMin)[0];
        if (page === 1) {
          expect(top?.text).not.toMatch(/^\d+$/);
          continue;
        }
        expect(top?.text).toBe(String(page));
        // In the header (above the top margin), centred over the text area.
        expect(top!.yMin).toBeLessThan(points(MARGIN.top));
        const centre = (points(MARGIN.left) + width - points(MARGIN.right)) / 2;
        expect(Math.abs((top!.xMin + top!.xMax) / 2 - centre)).toBeLessThan(6);
      }

      const pngs = await pagesToPng(file, path.join(OUT, name));
      expect(pngs).toHaveLength(pages);
      for (const png of pngs) expect((await fs.stat(png)).size).toBeGreaterThan(5000);
    },
  );
});
