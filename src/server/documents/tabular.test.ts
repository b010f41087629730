import { describe, expect, it } from 'vitest';
import { parseCsv } from './tabular';

describe('parseCsv', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', 'z'],
    ]);
  });
  it('detects semicolons (Excel in Vietnamese locale) and strips a BOM', () => {
    expect(parseCsv('\uFEFFMã;Tên\nstc;Sở Tài chính, thành phố')).toEqual([
      ['Mã', 'Tên'],
      ['stc', 'Sở Tài chính, thành phố'],
    ]);
  });
  it('keeps a stray quote inside an unquoted field and refuses an unclosed quoted field', () => {
    expect(parseCsv('Tên,Ghi chú\nSở "A",x')).toEqual([
      ['Tên', 'Ghi chú'],
      ['Sở "A"', 'x'],
    ]);
    expect(() => parseCsv('a,"b\nc,d')).toThrow();
  });
});
