import { describe, expect, it } from 'vitest';
import { hasPhrase, nameCase, normalizeText } from './text';

describe('Vietnamese text without accents', () => {
  it('normalizes accents, đ, case and spaces', () => {
    expect(normalizeText('  Mã  Đơn vị ')).toBe('ma don vi');
    expect(normalizeText('ĐIỂM TỐI ĐA')).toBe('diem toi da');
  });
  it('finds phrases as whole words only', () => {
    expect(hasPhrase('III. Các nội dung trừ điểm', 'trừ điểm')).toBe(true);
    expect(hasPhrase('Công tác tuyên truyền', 'trừ')).toBe(false);
    expect(hasPhrase('Bảo vệ môi trường', 'trừ')).toBe(false);
    expect(hasPhrase('Công tác thi đua, khen thưởng', 'điểm thưởng')).toBe(false);
    expect(hasPhrase('IV. ĐIỂM THƯỞNG (tối đa 5 điểm)', 'diem thuong')).toBe(true);
  });

  it('prints a name typed in capitals in normal case and keeps any other as typed', () => {
    expect(nameCase('BÙI NGỌC HẢI')).toBe('Bùi Ngọc Hải');
    expect(nameCase('  ĐỖ   THỊ ÁNH ')).toBe('Đỗ Thị Ánh');
    expect(nameCase('Nguyễn Văn McLean')).toBe('Nguyễn Văn McLean');
    expect(nameCase('')).toBe('');
  });
});
