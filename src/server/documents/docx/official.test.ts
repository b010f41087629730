import { describe, expect, it } from 'vitest';
import { MOTTO, MOTTO_SUBTITLE, renderOfficialDocument } from './official';
import {
  paragraphs,
  paragraphWith,
  readDocx,
  runWith,
  section,
  tableTexts,
  tables,
} from '../../testing/docx';
import { samplePlan } from './samples';

describe('renderOfficialDocument', () => {
  it('lays out the seed plan as Decree 30 asks: header, type, subject, body, recipients and signer', async () => {
    const { document } = await readDocx(await renderOfficialDocument(samplePlan()));
    const [head, foot] = tables(document).map(tableTexts);
    expect(head).toEqual([
      [
        // The bloc's name in two lines of about equal length, as the office breaks it.
        'UBND THÀNH PHỐ HẢI PHÒNG\nKHỐI THI ĐUA CÁC CƠ QUAN\nQUẢN LÝ KINH TẾ THÀNH PHỐ\n',
        `${MOTTO}\n${MOTTO_SUBTITLE}\n`,
      ],
      // 2024-03-19T17:30Z is already 20 March in Vietnam.
      ['Số: 1192/KH-KTĐ', 'Hải Phòng, ngày 20 tháng 3 năm 2024'],
    ]);
    expect(MOTTO_SUBTITLE).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(runWith(document, MOTTO_SUBTITLE)).toMatch(/<w:u w:val="single"\/>/);
    expect(runWith(document, MOTTO_SUBTITLE)).toMatch(/<w:b\/>/);
    expect(runWith(document, 'Hải Phòng, ngày 20 tháng 3 năm 2024')).toMatch(/<w:i\/>/);

    const body = paragraphs(document.slice(document.indexOf('</w:tbl>'), document.lastIndexOf('<w:tbl>')));
    expect(body.slice(0, 4)).toEqual([
      'KẾ HOẠCH',
      'Triển khai công tác Thi đua, khen thưởng năm 2024',
      'Khối thi đua các cơ quan Quản lý kinh tế thành phố',
      '',
    ]);
    expect(runWith(document, 'KẾ HOẠCH')).toMatch(/<w:b\/>/);
    expect(body).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    // Section titles are left-aligned (justified, a wrapped capital title spreads its first line); body text is justified.
    expect(paragraphWith(document, 'II. KẾ HOẠCH TRIỂN KHAI CÔNG TÁC THI ĐUA, KHEN THƯỞNG')).toMatch(
      /<w:jc w:val="left"\/>/,
    );
    expect(
      paragraphWith(document, '- Xây dựng tiêu chí, nội dung chấm điểm thi đua của Khối năm 2024.'),
    ).toMatch(/<w:jc w:val="both"\/>/);
    expect(body).toContain('- Xây dựng tiêu chí, nội dung chấm điểm thi đua của Khối năm 2024.');
    expect(runWith(document, '2.1. Quý I/2024:')).toMatch(/<w:b\/>[\s\S]*<w:i\/>/);

    expect(foot).toEqual([
      [
        'Nơi nhận:\n- Hội đồng TĐKT TP (để b/c);\n- Ban TĐKT thành phố (để b/c);\n- Các đơn vị trong khối;\n- Lưu: VT, VP.',
        // Typed in capitals, printed in normal case (Decree 30), bold.
        'KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\n\n\n\nBùi Ngọc Hải',
      ],
    ]);
    expect(runWith(document, 'Nơi nhận:')).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(runWith(document, 'Bùi Ngọc Hải')).toMatch(/<w:b\/>/);
  });

  it('numbers the pages from page 2, centred in the header; the first page has none', async () => {
    const { document, headers, rels } = await readDocx(await renderOfficialDocument(samplePlan()));
    expect(document).toMatch(/<w:titlePg\/>/);
    const header = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(document)?.[1] ?? '';
      return headers[`word/${rels[id] ?? ''}`] ?? '';
    };
    expect(header('default')).toMatch(/<w:jc w:val="center"\/>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(header('first')).toMatch(/<w:hdr /);
    expect(header('first')).not.toContain('PAGE');
  });

  it('uses Times New Roman throughout and no other font', async () => {
    const { document, styles } = await readDocx(await renderOfficialDocument(samplePlan()));
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain(
      '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>',
    );
    expect(defaults).toContain('<w:sz w:val="28"/>');
    const fonts = [...(document + styles).matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]*)"/g)].map(
      (m) => m[1],
    );
    expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
    expect(document + styles).not.toMatch(/w:(asciiTheme|hAnsiTheme)=/);
  });

  it('prints on A4 portrait with margins 20/20/30/15 mm, or landscape', async () => {
    const portrait = section((await readDocx(await renderOfficialDocument(samplePlan()))).document);
    expect(portrait).toEqual({
      width: 11906,
      height: 16838,
      orient: 'portrait',
      margin: { top: 1134, bottom: 1134, left: 1701, right: 850 },
    });
    const landscape = section(
      (await readDocx(await renderOfficialDocument({ ...samplePlan(), landscape: true }))).document,
    );
    expect(landscape).toEqual({ ...portrait, width: 16838, height: 11906, orient: 'landscape' });
  });

  it('keeps the header and footer borderless and the header within a portrait width on landscape pages', async () => {
    const { document } = await readDocx(await renderOfficialDocument({ ...samplePlan(), landscape: true }));
    const [head, foot] = tables(document);
    for (const t of [head, foot]) expect(t).toMatch(/<w:tblBorders><w:top w:val="none"/);
    // Left block, gap, right block: the motto stays at the right margin.
    const grid = [...(head ?? '').matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(3);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(16838 - 1701 - 850);
  });

  it('leaves number and date blank for the clerk when they are not known yet', async () => {
    const doc = { ...samplePlan(), docNumber: null, date: null, subject: null, recipients: [] };
    const { document } = await readDocx(await renderOfficialDocument(doc));
    const [head, foot] = tables(document).map(tableTexts);
    expect(head?.[1]?.[0]).toMatch(/^Số: \u00a0+\/$/);
    expect(head?.[1]?.[1]).toBe('Hải Phòng, ngày …… tháng …… năm 20……');
    expect(foot?.[0]?.[0]).toBe('Nơi nhận:\n- Lưu: VT.');
  });

  it('renders tables with a bold header row that repeats, cell alignment and widths that fill the line', async () => {
    const doc = samplePlan();
    doc.blocks = [
      {
        kind: 'table',
        columns: [
          { header: 'STT', width: 1, align: 'center' },
          { header: 'Đơn vị', width: 3 },
          { header: 'Điểm', width: 1, align: 'right' },
        ],
        rows: [['1', 'Sở Công Thương', { text: '85,50', bold: true }]],
      },
    ];
    const { document } = await readDocx(await renderOfficialDocument(doc));
    const table = tables(document)[1] ?? '';
    expect(tableTexts(table)).toEqual([
      ['STT', 'Đơn vị', 'Điểm'],
      ['1', 'Sở Công Thương', '85,50'],
    ]);
    expect(table).toMatch(/<w:tblHeader\/>/);
    expect(runWith(table, 'Đơn vị')).toMatch(/<w:b\/>/);
    expect(runWith(table, 'Sở Công Thương')).not.toMatch(/<w:b\/>/);
    expect(table).toMatch(
      /<w:jc w:val="right"\/><\/w:pPr><w:r><w:rPr><w:b\/><w:bCs\/><w:sz w:val="24"\/><w:szCs w:val="24"\/><\/w:rPr><w:t xml:space="preserve">85,50/,
    );
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual([1871, 5613, 1871]);
  });
});
