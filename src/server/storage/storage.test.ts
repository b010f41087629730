import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testFiles } from '../testing/files';
import { zipEntries } from '../testing/zip';
import { acceptUpload } from './accept';
import { createLocalFileStore, sha256 } from './file-store';
import { sniffFileKind } from './file-type';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-store-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('file kinds by content', () => {
  it('recognises each accepted kind from its bytes, not its name', async () => {
    expect(await sniffFileKind(testFiles.pdf())).toBe('pdf');
    expect(await sniffFileKind(testFiles.docx())).toBe('docx');
    expect(await sniffFileKind(testFiles.png())).toBe('png');
    expect(await sniffFileKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpg');
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await sniffFileKind(ole)).toBe('doc');
    const xlsx = zipEntries([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    ]);
    expect(await sniffFileKind(xlsx)).toBe('xlsx');
  });

  it('knows none of ours: a program, a plain zip, text, a cut archive', async () => {
    expect(await sniffFileKind(testFiles.exe())).toBeNull();
    expect(await sniffFileKind(zipEntries([{ name: 'a.txt', data: Buffer.from('x') }]))).toBeNull();
    expect(await sniffFileKind(Buffer.from('Xin chào'))).toBeNull();
    expect(await sniffFileKind(testFiles.docx().subarray(0, 40))).toBeNull();
  });

  it('refuses an .exe renamed .pdf and a Word file named .pdf, in Vietnamese', async () => {
    for (const [name, data] of [
      ['bien-ban.pdf', testFiles.exe()],
      ['bien-ban.pdf', testFiles.docx()],
      ['bien-ban.png', testFiles.pdf()],
    ] as const) {
      const refused = await acceptUpload({ filename: name, data }, ['pdf', 'docx']).catch((e: unknown) => e);
      expect(refused).toMatchObject({
        code: 'VALIDATION',
        fieldErrors: { file: 'Tệp: định dạng không được nhận' },
      });
      expect((refused as Error).message).toMatch(/không đúng định dạng/);
    }
    const ok = await acceptUpload({ filename: 'C:\\Tài liệu\\Biên bản.docx', data: testFiles.docx() }, [
      'docx',
    ]);
    expect(ok).toMatchObject({ kind: 'docx', filename: 'Biên bản.docx' });
  });
});

describe('local file store', () => {
  const store = createLocalFileStore(dir);

  it('keeps the same bytes once, by their SHA-256, and gives them back', async () => {
    const data = testFiles.pdf('một lần');
    const first = await store.put(data);
    expect(first).toBe(sha256(data));
    expect(await store.put(Buffer.from(data))).toBe(first);
    expect(await store.has(first)).toBe(true);
    expect((await store.get(first)).equals(data)).toBe(true);
    expect(fs.readdirSync(path.join(dir, first.slice(0, 2)))).toEqual([first]);
    expect(await store.has(sha256(Buffer.from('khác')))).toBe(false);
  });

  it('refuses a name that is not a hash (no path tricks)', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/SHA-256/);
  });
});
