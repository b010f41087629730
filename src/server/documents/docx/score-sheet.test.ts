import { describe, expect, it } from 'vitest';
import { paragraphs, readDocx, rowsXml, section, tableTexts, tables } from '../../testing/docx';
import { sampleSheet } from './samples';
import { scoreSheetDocx, sheetSubject } from './score-sheet';

const render = async (blank: boolean) => (await readDocx(await scoreSheetDocx(sampleSheet(blank)))).document;

describe('scoreSheetDocx', () => {
  it('lists every criterion with its maximum and score, signed deductions and the total', async () => {
    const document = await render(false);
    expect(section(document)).toMatchObject({ width: 11906, height: 16838, orient: 'portrait' });
    const grid = tableTexts(tables(document)[1] ?? '');
    expect(grid).toEqual([
      ['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Điểm chấm', 'Ghi chú'],
      ['I', 'Thực hiện nhiệm vụ chính trị, chuyên môn', '60,00', '55,50', ''],
      [
        '1',
        'Hoàn thành các chỉ tiêu kinh tế - xã hội được giao\nHoàn thành 100% chỉ tiêu: 40 điểm',
        '40,00',
        '38,00',
        '',
      ],
      ['2', 'Cải cách hành chính, chuyển đổi số', '20,00', '17,50', ''],
      ['II', 'Công tác thi đua, khen thưởng', '40,00', '33,00', ''],
      ['1', 'Tổ chức phát động phong trào thi đua', '20,00', '18,00', ''],
      ['2', 'Gửi báo cáo đúng thời hạn', '20,00', '15,00', ''],
      ['III', 'Điểm thưởng', '5,00', '1,00', 'Điểm thưởng'],
      ['1', 'Có mô hình điển hình tiên tiến được nhân rộng', '5,00', '1,00', ''],
      ['IV', 'Điểm trừ', '5,00', '-4,00', 'Điểm trừ'],
      ['1', 'Gửi báo cáo chậm so với thời hạn', '5,00', '-4,00', ''],
      ['', 'Tổng cộng', '105,00', '85,50', ''],
    ]);
    const rows = rowsXml(tables(document)[1] ?? '');
    expect(rows[1]).toMatch(/<w:b\/>/);
    expect(rows[3]).not.toMatch(/<w:b\/>/);
    expect(rows[11]).toMatch(/<w:b\/>[\s\S]*85,50/);
  });

  it('names the scorer, the scored unit and the unit leader who signs', async () => {
    const text = paragraphs(await render(false));
    expect(text).toContain('BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2024');
    expect(text).toContain('Đơn vị chấm: Sở Kế hoạch và Đầu tư — Đơn vị được chấm: Sở Công Thương');
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(text).toContain('Trần Văn B');
    expect(text).toContain('- Trưởng khối (Ban Quản lý Khu kinh tế Hải Phòng);');
  });

  it('prints a blank sheet: dotted names, empty score column and total, no date', async () => {
    const document = await render(true);
    const text = paragraphs(document);
    expect(text).toContain('Đơn vị chấm: ………………… — Đơn vị được chấm: …………………');
    expect(text).toContain('Hải Phòng, ngày …… tháng …… năm 20……');
    // No name: what to write under the title and a dotted line for the name.
    expect(text).toContain('(Ký, ghi rõ họ tên và đóng dấu)');
    expect(text).toContain('…'.repeat(10));
    const grid = tableTexts(tables(document)[1] ?? '');
    expect(grid).toHaveLength(12);
    expect(grid.slice(1).map((r) => r[3])).toEqual(Array(11).fill(''));
    expect(grid[11]?.slice(1, 3)).toEqual(['Tổng cộng', '105,00']);
  });

  it('marks a self-assessment sheet', () => {
    expect(sheetSubject('Sở Công Thương', 'Sở Công Thương')).toBe(
      'Đơn vị chấm: Sở Công Thương — Đơn vị được chấm: Sở Công Thương (tự chấm)',
    );
  });

  it('leaves an unscored leaf blank on a filled sheet while its parent shows the sum', async () => {
    const input = sampleSheet();
    input.scores = { ...input.scores, I2: null };
    const grid = tableTexts(tables((await readDocx(await scoreSheetDocx(input))).document)[1] ?? '');
    expect(grid[1]?.[3]).toBe('38,00');
    expect(grid[3]?.[3]).toBe('');
    expect(grid[11]?.[3]).toBe('68,00');
  });
});
