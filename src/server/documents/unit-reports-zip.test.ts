import { describe, expect, it } from 'vitest';
import { archiveNames, TOC_NAME } from './unit-reports-zip';

const file = (extension: string) => ({ filename: 'x', extension, data: Buffer.alloc(0) });

describe('names in the units’ reports archive', () => {
  it('are ASCII, numbered by unit, keep a sane extension, and skip units without a file', () => {
    expect(
      archiveNames([
        { unitName: 'Sở Tài chính', file: file('.pdf') },
        { unitName: 'Cục Thuế', file: null },
        { unitName: 'Công ty CP Đầu tư. Phát triển', file: file('.docx') },
        { unitName: 'Đơn vị lạ', file: file('.p df/../x') },
      ]),
    ).toEqual(['01-So-Tai-chinh.pdf', null, '03-Cong-ty-CP-Dau-tu-Phat-trien.docx', '04-Don-vi-la']);
  });

  it('never collide, with each other or with the contents, whatever the case', () => {
    const names = archiveNames(
      Array.from({ length: 120 }, (_, i) => ({ unitName: i % 2 ? 'SỞ A' : 'Sở a', file: file('.pdf') })),
    );
    expect(names[0]).toBe('001-So-a.pdf');
    const lower = names.map((n) => n!.toLowerCase());
    expect(new Set([...lower, TOC_NAME.toLowerCase()]).size).toBe(121);
    expect(names.every((n) => /^[\x20-\x7e]+$/.test(n!))).toBe(true);
  });
});
