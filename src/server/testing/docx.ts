/**
 * The one .docx reader of the tests (unit, route and browser tests alike): the XML parts of a generated
 * document and the text of its paragraphs and table cells.
 */
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  styles: string;
  /** word/header*.xml by file name. */
  headers: Record<string, string>;
  /** The document's relationships: id → target part ("header1.xml"). */
  rels: Record<string, string>;
}

/** The main document, styles and header XML of a .docx file. */
export async function readDocx(data: Buffer | Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(data);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} missing from the .docx`);
    return file.async('string');
  };
  const headerNames = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n));
  const headers = Object.fromEntries(
    await Promise.all(headerNames.map(async (n) => [n, await part(n)] as const)),
  );
  const rels = Object.fromEntries(
    [...(await part('word/_rels/document.xml.rels')).matchAll(/<Relationship [^>]*>/g)].map((m) => [
      /Id="([^"]*)"/.exec(m[0])?.[1] ?? '',
      /Target="([^"]*)"/.exec(m[0])?.[1] ?? '',
    ]),
  );
  return {
    document: await part('word/document.xml'),
    styles: await part('word/styles.xml'),
    headers,
    rels,
  };
}

/** The body's text, one line per paragraph (runs joined: Word may split a sentence into several runs). */
export async function docxText(data: Buffer | Uint8Array): Promise<string> {
  return paragraphs((await readDocx(data)).document).join('\n');
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of every paragraph in `xml`, in order (runs joined). */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1] ?? '')).join(''),
  );
}

/** The raw XML of the paragraph whose text is exactly `text`. */
export function paragraphWith(xml: string, text: string): string {
  const p = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => m[0])
    .find((x) => paragraphs(x)[0] === text);
  if (!p) throw new Error(`no paragraph with text ${text}`);
  return p;
}

/** The raw XML of every top-level table (tables are not nested here). */
export const tables = (xml: string): string[] =>
  [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);

/** The raw XML of every row of a table. */
export const rowsXml = (table: string): string[] =>
  [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);

/** The cells of a table row as text, a cell's paragraphs joined by "\n". */
export const cellTexts = (row: string): string[] =>
  [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join('\n'));

/** A table as a grid of cell texts. */
export const tableTexts = (table: string): string[][] => rowsXml(table).map(cellTexts);

/** The section properties: page size, orientation and margins in twips. */
export function section(xml: string): {
  width: number;
  height: number;
  orient: string | null;
  margin: Record<string, number>;
} {
  const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(xml)?.[0] ?? '';
  const attr = (el: string, name: string) =>
    new RegExp(`<w:${el} [^>]*w:${name}="([^"]*)"`).exec(sect)?.[1] ?? null;
  const margin = Object.fromEntries(
    ['top', 'bottom', 'left', 'right'].map((s) => [s, Number(attr('pgMar', s))]),
  );
  return {
    width: Number(attr('pgSz', 'w')),
    height: Number(attr('pgSz', 'h')),
    orient: attr('pgSz', 'orient'),
    margin,
  };
}

/** The run (<w:r>) XML that contains `text`, to check its formatting. */
export function runWith(xml: string, text: string): string {
  const run = [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)]
    .map((m) => m[0])
    .find((r) => r.includes(`>${text}<`));
  if (!run) throw new Error(`no run with text ${text}`);
  return run;
}
