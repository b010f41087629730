import { describe, expect, it } from 'vitest';
import { balanceLines, textWidth } from './balance';
import { docNumberLine, placeDateLine, recipientLines } from './format';

describe('Decree 30 lines', () => {
  it('dates the document in Vietnam time, not UTC', () => {
    expect(placeDateLine('Hải Phòng', new Date('2024-03-19T17:30:00Z'))).toBe(
      'Hải Phòng, ngày 20 tháng 3 năm 2024',
    );
    expect(placeDateLine('Hải Phòng', new Date('2024-03-19T16:59:59Z'))).toBe(
      'Hải Phòng, ngày 19 tháng 3 năm 2024',
    );
    expect(placeDateLine('Hà Nội', new Date('2024-12-31T17:00:00Z'))).toBe(
      'Hà Nội, ngày 01 tháng 01 năm 2025',
    );
  });

  it('pads days below 10 and the months January and February only', () => {
    expect(placeDateLine('Hải Phòng', new Date('2024-02-05T03:00:00Z'))).toBe(
      'Hải Phòng, ngày 05 tháng 02 năm 2024',
    );
    expect(placeDateLine('Hải Phòng', new Date('2024-03-05T03:00:00Z'))).toBe(
      'Hải Phòng, ngày 05 tháng 3 năm 2024',
    );
    expect(placeDateLine('Hải Phòng', new Date('2024-11-25T03:00:00Z'))).toBe(
      'Hải Phòng, ngày 25 tháng 11 năm 2024',
    );
  });

  it('writes the number, or leaves it blank keeping a known symbol', () => {
    expect(docNumberLine('1192/KH-KTĐ')).toBe('Số: 1192/KH-KTĐ');
    expect(docNumberLine(null)).toMatch(/^Số: \u00a0{8}\/$/);
    expect(docNumberLine('/KH-KTĐ')).toMatch(/^Số: \u00a0{8}\/KH-KTĐ$/);
  });

  it('ends each recipient with ";" and the list with the archive line', () => {
    expect(recipientLines(['- Hội đồng TĐKT TP (để b/c);', 'Các đơn vị trong khối', 'Lưu: VT, VP.'])).toEqual(
      ['- Hội đồng TĐKT TP (để b/c);', '- Các đơn vị trong khối;', '- Lưu: VT, VP.'],
    );
    expect(recipientLines(['Ban TĐKT thành phố', ' '])).toEqual(['- Ban TĐKT thành phố;', '- Lưu: VT.']);
  });

  it('leaves a full blank date line for the writer', () => {
    expect(placeDateLine('Hải Phòng', null)).toBe('Hải Phòng, ngày …… tháng …… năm 20……');
    expect(placeDateLine('', null)).toBe('………………, ngày …… tháng …… năm 20……');
  });
});

describe('balanced header lines', () => {
  it('measures capitals with Times New Roman Bold widths, marks adding none but the horn of Ư', () => {
    expect(textWidth('CÁC')).toBe(textWidth('CAC'));
    expect(textWidth('Đ')).toBe(textWidth('D'));
    expect(textWidth('Ư') - textWidth('U')).toBe(74);
  });

  it('breaks a long name into lines of about equal length, never leaving one word alone', () => {
    const name = 'KHỐI THI ĐUA CÁC CƠ QUAN QUẢN LÝ NHÀ NƯỚC VỀ KINH TẾ';
    const room = textWidth('KHỐI THI ĐUA CÁC CƠ QUAN QUẢN LÝ NHÀ NƯỚC VỀ KINH');
    // Word's greedy fill would leave "TẾ" alone on the second line.
    const lines = balanceLines(name, room);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(name);
    for (const l of lines) expect(l.split(' ').length).toBeGreaterThan(3);
    const [a, b] = lines.map(textWidth) as [number, number];
    expect(Math.abs(a - b)).toBeLessThan(textWidth('QUẢN LÝ'));
    expect(balanceLines('CỤM THI ĐUA CÁC QUẬN', room)).toEqual(['CỤM THI ĐUA CÁC QUẬN']);
  });
});
