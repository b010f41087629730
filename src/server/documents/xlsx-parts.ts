import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../errors';
import type { BoundedZip } from './zip-reader';

/** What an element handler sees: the local name (prefix dropped: some writers use `x:c`) and attributes. */
export interface XmlHandlers {
  open?: (name: string, attrs: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Streams one XML part of an archive through saxes: memory stays at one chunk plus what the handlers keep.
 * saxes never expands entities declared in a DTD, so an "XML bomb" fails instead of growing.
 */
export async function parsePart(zip: BoundedZip, name: string, h: XmlHandlers): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const { open, text, close } = h;
  if (open) parser.on('opentag', (tag: SaxesTagPlain) => open(local(tag.name), tag.attributes));
  if (text) parser.on('text', text);
  if (text) parser.on('cdata', text);
  if (close) parser.on('closetag', (tag: SaxesTagPlain) => close(local(tag.name)));
  const decoder = new TextDecoder('utf-8');
  await zip.read(name, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
  parser.write(decoder.decode()).close();
}

/** Where the parts of a workbook are, from xl/workbook.xml and its relationships. */
export interface WorkbookParts {
  /** The first sheet in the workbook's order (what Excel opens on). */
  sheet: string | null;
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

/** Resolves a relationship target (relative to xl/, or absolute from the archive root). */
const resolveTarget = (target: string) =>
  target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;

/** Reads xl/workbook.xml and xl/_rels/workbook.xml.rels; falls back to the usual names when absent. */
export async function workbookParts(zip: BoundedZip): Promise<WorkbookParts> {
  let firstSheetRel: string | null = null;
  let date1904 = false;
  if (zip.has('xl/workbook.xml')) {
    await parsePart(zip, 'xl/workbook.xml', {
      open(name, a) {
        if (name === 'sheet' && firstSheetRel === null) {
          firstSheetRel = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? null;
        }
        if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      },
    });
  }
  const targets = new Map<string, { type: string; target: string }>();
  if (zip.has('xl/_rels/workbook.xml.rels')) {
    await parsePart(zip, 'xl/_rels/workbook.xml.rels', {
      open(name, a) {
        if (name === 'Relationship' && a.Id && a.Target) {
          targets.set(a.Id, { type: a.Type ?? '', target: resolveTarget(a.Target) });
        }
      },
    });
  }
  const byType = (suffix: string, fallback: string) => {
    for (const t of targets.values()) if (t.type.endsWith(suffix) && zip.has(t.target)) return t.target;
    return zip.has(fallback) ? fallback : null;
  };
  const rel = firstSheetRel ? targets.get(firstSheetRel)?.target : undefined;
  return {
    sheet:
      rel && zip.has(rel) ? rel : zip.has('xl/worksheets/sheet1.xml') ? 'xl/worksheets/sheet1.xml' : null,
    sharedStrings: byType('/sharedStrings', 'xl/sharedStrings.xml'),
    styles: byType('/styles', 'xl/styles.xml'),
    date1904,
  };
}

/** The shared-string table: one text per <si>, rich-text runs joined, phonetic guides (<rPh>) left out. */
export async function readSharedStrings(zip: BoundedZip, part: string, max: number): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  await parsePart(zip, part, {
    open(name) {
      if (name === 'si') {
        if (strings.length >= max) {
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            `Tệp quá lớn: có hơn ${max.toLocaleString('vi-VN')} đoạn chữ khác nhau. Hãy chỉ giữ bảng cần nhập.`,
            { file: 'Tệp: quá nhiều dữ liệu' },
          );
        }
        current = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't') inT = true;
    },
    text(t) {
      if (inT && phonetic === 0 && current !== null) current += t;
    },
    close(name) {
      if (name === 'si') {
        strings.push(current ?? '');
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
  });
  return strings;
}

// Excel's built-in number formats that show a date or a time.
const builtinDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const isDateFormat = (code: string) =>
  /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '')) && !/^general$/i.test(code);

/** The cell style indexes (`s` on a cell) whose number format is a date, so those numbers read as dates. */
export async function readDateStyles(zip: BoundedZip, part: string): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const styles: number[] = [];
  let inCellXfs = false;
  await parsePart(zip, part, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styles.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const dates = new Set<number>();
  styles.forEach((fmt, i) => {
    const code = custom.get(fmt);
    if (code === undefined ? builtinDateFormats.has(fmt) : isDateFormat(code)) dates.add(i);
  });
  return dates;
}
