import { describe, expect, it } from 'vitest';
import { paragraphs, readDocx, rowsXml, section, tableTexts, tables } from '../../testing/docx';
import { formulaText, resultsSummaryDocx, type ResultsSummaryInput } from './results-summary';
import { sampleResults } from './samples';

const render = async (input: ResultsSummaryInput) =>
  (await readDocx(await resultsSummaryDocx(input))).document;

describe('resultsSummaryDocx', () => {
  it('prints the whole matrix with decimal commas, the means, ranks and tie notes on a landscape page', async () => {
    const document = await render(sampleResults());
    expect(section(document)).toMatchObject({ width: 16838, height: 11906, orient: 'landscape' });
    const grid = tableTexts(tables(document)[1] ?? '');
    expect(grid[0]).toEqual([
      'STT',
      'Đơn vị',
      'Tự chấm',
      'Điểm các đơn vị trong Khối chấm chéo',
      'Điểm bình quân',
      'Xếp hạng',
      'Ghi chú',
    ]);
    expect(grid[1]).toEqual([
      '',
      '',
      '',
      'BQL KKT',
      'Sở KH&ĐT',
      'Sở CT',
      'Sở TC',
      'Cục Thuế',
      'Cục HQ',
      'Cục TK',
      '',
      '',
      '',
    ]);
    expect(grid[2]).toEqual([
      '1',
      'Ban Quản lý Khu kinh tế Hải Phòng',
      '95,50',
      'x',
      '95,00',
      '95,75',
      '95,50',
      '94,50',
      '96,00',
      '95,50',
      '95,39',
      '1',
      '',
    ]);
    expect(grid[4]).toEqual([
      '3',
      'Sở Công Thương',
      '92,25',
      '92,00',
      '91,50',
      'x',
      '92,00',
      '91,00',
      '92,50',
      '92,00',
      '91,89',
      '3',
      'Bằng điểm với Sở Tài chính; xếp trên theo tiêu chí phụ: Ít điểm trừ hơn',
    ]);
    // Cục Thống kê sent no sheet for Cục Hải quan.
    expect(grid[7]?.slice(0, 11)).toEqual([
      '6',
      'Cục Hải quan Hải Phòng',
      '89,25',
      '88,75',
      '88,25',
      '89,00',
      '88,75',
      '87,75',
      'x',
      '—',
      '88,63',
    ]);
    expect(grid[8]?.slice(0, 4)).toEqual(['7', 'Cục Thống kê thành phố', '85,50', '85,50']);
    expect(grid).toHaveLength(9);
  });

  it('merges the group header over the scorer columns and the other headers over both header rows', async () => {
    const table = tables(await render(sampleResults()))[1] ?? '';
    const [top, second] = rowsXml(table);
    expect(top).toContain('<w:gridSpan w:val="7"/>');
    expect(top?.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(6);
    expect(second?.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(6);
    expect(top).toContain('<w:tblHeader/>');
  });

  it('states the formula with the real N, the missing-sheet rule and the tie-breaker', async () => {
    const text = paragraphs(await render(sampleResults()));
    // The year once: the round's title names it, so the document type does not repeat it.
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA');
    expect(text).toContain('Đợt chấm điểm tổng kết năm 2024');
    expect(
      text
        .slice(0, text.indexOf('Đợt chấm điểm tổng kết năm 2024') + 1)
        .join(' ')
        .match(/2024/g),
    ).toHaveLength(
      2, // the date line and the round's title
    );
    expect(text).toContain('Khối thi đua các cơ quan Quản lý kinh tế thành phố');
    expect(text).toContain(
      'Điểm của từng đơn vị = (Điểm đơn vị tự chấm + Điểm của 6 đơn vị trong Khối chấm chéo)/7.',
    );
    expect(text).toContain(
      'Cách tính khi thiếu bảng điểm: Điểm bình quân tính trên các bảng điểm đã nhận (Cục Thống kê thành phố chưa gửi bảng điểm cho Cục Hải quan Hải Phòng).',
    );
    expect(text).toContain(
      'Xử lý bằng điểm: Sở Công Thương và Sở Tài chính bằng điểm; xếp hạng theo tiêu chí phụ: Ít điểm trừ hơn.',
    );
    expect(text).toContain('Hải Phòng, ngày 20 tháng 12 năm 2024');
    expect(text).toContain('TM. KHỐI THI ĐUA');
    expect(text).toContain('Nguyễn Văn A');
  });

  it('names the year in the type when the round title does not', async () => {
    const text = paragraphs(await render({ ...sampleResults(), roundTitle: 'Đợt chấm điểm tổng kết' }));
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2024');
  });

  it('scales to any bloc size: five units give (self + 4)/5 and five scorer columns', async () => {
    const input = sampleResults();
    const keep = new Set(input.units.slice(0, 5).map((u) => u.id));
    input.units = input.units.filter((u) => keep.has(u.id));
    input.rows = input.rows.filter((r) => keep.has(r.unitId));
    input.rows[4] = { unitId: 'thue', scoreText: null, rank: null, note: 'Chưa đủ bảng điểm' };
    const document = await render(input);
    expect(formulaText(5)).toBe(
      'Điểm của từng đơn vị = (Điểm đơn vị tự chấm + Điểm của 4 đơn vị trong Khối chấm chéo)/5.',
    );
    expect(paragraphs(document)).toContain(formulaText(5));
    const grid = tableTexts(tables(document)[1] ?? '');
    expect(grid[1]).toHaveLength(11);
    expect(grid[6]?.slice(-3)).toEqual(['—', '', 'Chưa đủ bảng điểm']);
  });

  it('refuses a unit without a result row rather than printing a wrong table', async () => {
    const input = sampleResults();
    input.rows = input.rows.slice(1);
    await expect(resultsSummaryDocx(input)).rejects.toThrow(/no result row for unit bql/);
  });
});
