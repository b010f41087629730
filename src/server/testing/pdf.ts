/** Reads a rendered PDF back with poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm), for the document tests. */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether every poppler tool these helpers use is installed. */
export async function hasPoppler(): Promise<boolean> {
  const found = await Promise.all(
    ['pdfinfo', 'pdffonts', 'pdftotext', 'pdftoppm'].map((tool) =>
      run(tool, ['-v']).then(
        () => true,
        () => false,
      ),
    ),
  );
  return found.every(Boolean);
}

/** pdfinfo's page count. */
export async function pageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
}

export interface PdfFont {
  /** Without the subset prefix ("Tinos-Bold"). */
  name: string;
  embedded: boolean;
  unicode: boolean;
}

/** The fonts of a PDF, as pdffonts lists them. */
export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type... encoding emb sub uni object-id generation: the flags sit before the two numbers.
      const [emb, , uni] = cols.slice(-5, -2);
      return {
        name: (cols[0] ?? '').replace(/^[A-Z]{6}\+/, ''),
        embedded: emb === 'yes',
        unicode: uni === 'yes',
      };
    });
}

/** The text of the whole PDF in reading order. */
export async function pdfText(file: string): Promise<string> {
  return (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
}

export interface PdfWord {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** Page size (points) and the words of one page with their boxes (pdftotext -bbox). */
export async function pageWords(
  file: string,
  page: number,
): Promise<{ width: number; height: number; words: PdfWord[] }> {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']);
  const size = /<page width="([\d.]+)" height="([\d.]+)">/.exec(stdout);
  const words = [
    ...stdout.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] ?? '' }));
  return { width: Number(size?.[1]), height: Number(size?.[2]), words };
}

/** Renders every page to `${prefix}-N.png` at `dpi`; returns the files written. */
export async function pagesToPng(file: string, prefix: string, dpi = 70): Promise<string[]> {
  await fs.mkdir(path.dirname(prefix), { recursive: true });
  await run('pdftoppm', ['-png', '-r', String(dpi), file, prefix]);
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return (await fs.readdir(dir))
    .filter((n) => new RegExp(`^${base}-\\d+\\.png$`).test(n))
    .sort()
    .map((n) => path.join(dir, n));
}
