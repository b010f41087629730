/**
 * Official documents in the Decree 30/2020/NĐ-CP layout: A4, Times New Roman, the national motto
 * header, number and place-and-date line, document type and subject, body, recipients and signer.
 */
import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { balanceLines } from './balance';
import { renderBlock } from './blocks';
import { nameCase } from '../../../domain/text';
import { DOTS, docNumberLine, placeDateLine, recipientLines } from './format';
import { A4, FONT, MARGIN, NO_BORDERS, SIZE, contentWidth, line, mm, pt, rule, run } from './layout';
import type { OfficialDocument, Signer } from './types';

export type { Block, Cell, Column, OfficialDocument, Signer } from './types';

export const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO_SUBTITLE = 'Độc lập - Tự do - Hạnh phúc';

/** A borderless layout table; each row gives the paragraphs of every column (an empty list leaves a gap). */
function layoutTable(widths: number[], rows: Paragraph[][][]): Table {
  const cell = (children: Paragraph[], w: number) =>
    new TableCell({
      width: { size: w, type: WidthType.DXA },
      margins: { left: 0, right: 0 },
      children: children.length ? children : [line('')],
    });
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(
      (r) => new TableRow({ cantSplit: true, children: widths.map((w, i) => cell(r[i] ?? [], w)) }),
    ),
  });
}

/**
 * Column widths of a left block and a right block whose widths are shares of a portrait text width; on a
 * wider (landscape) page a gap opens between them so that the right block stays at the right margin.
 */
function sides(width: number, leftShare: number, rightShare: number): number[] {
  const portrait = contentWidth(false);
  if (width <= portrait) {
    const left = Math.round(width * leftShare);
    return [left, width - left];
  }
  const left = Math.round(portrait * leftShare);
  const right = Math.round(portrait * rightShare);
  return [left, width - left - right, right];
}

/** Spreads a two-block row over `sides` columns. */
const spread = (widths: number[], left: Paragraph[], right: Paragraph[]): Paragraph[][] =>
  widths.length === 3 ? [left, [], right] : [left, right];

const HEADER_LEFT = 0.4;

/** The governing and issuing bodies with the number (left), the motto with the place and date (right). */
function header(doc: OfficialDocument, width: number): Table {
  const widths = sides(width, HEADER_LEFT, 1 - HEADER_LEFT);
  const c = (text: string, o: Parameters<typeof line>[1] = {}) =>
    line(text, { align: 'center', size: SIZE.header, ...o });
  const issuing = doc.issuingBody
    .split('\n')
    .flatMap((t) => balanced(t.toUpperCase(), widths[0] ?? 0, SIZE.header))
    .map((t) => c(t, { bold: true }));
  const bodies = [
    c(doc.governingBody.toUpperCase()),
    ...issuing,
    rule(widths[0] ?? 0, (widths[0] ?? 0) * 0.4),
  ];
  const motto = [
    c(MOTTO, { bold: true, size: SIZE.mottoTop }),
    c(MOTTO_SUBTITLE, { bold: true, size: SIZE.motto, underline: true }),
    line('', { size: 6 }),
  ];
  return layoutTable(widths, [
    spread(widths, bodies, motto),
    spread(
      widths,
      [c(docNumberLine(doc.docNumber))],
      [c(placeDateLine(doc.place, doc.date), { italic: true, size: SIZE.motto })],
    ),
  ]);
}

/** Document type (e.g. "KẾ HOẠCH") and the subject lines, centred, with a short rule beneath. */
function title(doc: OfficialDocument, width: number): Paragraph[] {
  const subject = (doc.subject ?? '').split('\n').filter((t) => t.trim());
  const out = [
    line(doc.docType.toUpperCase(), {
      bold: true,
      align: 'center',
      before: 18,
      after: subject.length ? 0 : 12,
    }),
  ];
  out.push(...subject.map((t) => line(t, { bold: true, align: 'center' })));
  if (subject.length) out.push(rule(width, contentWidth(false) * 0.3, 12));
  return out;
}

/**
 * Bold capitals in lines of about equal length that fit `width` twips at `size` points (1 % kept for
 * rounding), so that no word is left alone on a line.
 */
const balanced = (text: string, width: number, size: number): string[] =>
  balanceLines(text, ((width / (size * 20)) * 1000 * 0.99) | 0);

/** A signer block `width` twips wide, centred: authority, title, room for the signature and the seal, name. */
function signerBlock(signer: Signer, width: number): Paragraph[] {
  const c = (text: string, bold = true) => line(text, { bold, align: 'center' });
  const room = signer.note
    ? [c(''), line(signer.note, { italic: true, align: 'center', size: SIZE.note }), c(''), c('')]
    : Array.from({ length: 4 }, () => c(''));
  const name = nameCase(signer.name);
  return [
    ...(signer.authority ? balanced(signer.authority.toUpperCase(), width, SIZE.body).map((t) => c(t)) : []),
    c(signer.title.toUpperCase()),
    // A blank to sign: what to write, and a dotted line for the name.
    ...(name || signer.note
      ? []
      : [line('(Ký, ghi rõ họ tên và đóng dấu)', { italic: true, align: 'center' })]),
    ...room,
    c(name || DOTS.repeat(5)),
  ];
}

/** "Nơi nhận" on the left; the signer block, centred, on the right. */
function footer(recipients: readonly string[], signer: Signer, width: number): Table {
  const left = [
    line('Nơi nhận:', { bold: true, italic: true, size: SIZE.recipientsTitle }),
    ...recipientLines(recipients).map((r) => line(r, { size: SIZE.recipients })),
  ];
  const widths = sides(width, 0.5, 0.5);
  return layoutTable(widths, [spread(widths, left, signerBlock(signer, widths[widths.length - 1] ?? 0))]);
}

/** Every party's signer block, two per row. */
function signerGrid(signers: readonly Signer[], width: number): Table {
  const half = Math.floor(width / 2);
  const rows: Paragraph[][][] = [];
  for (let i = 0; i < signers.length; i += 2) {
    rows.push(signers.slice(i, i + 2).map((s) => [...signerBlock(s, half), line('')]));
  }
  return layoutTable([half, width - half], rows);
}

/** An annex after the signature: its label at the right on a new page, its title centred in bold, its body. */
function annex(a: NonNullable<OfficialDocument['annexes']>[number], width: number): (Paragraph | Table)[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.RIGHT,
      children: [run(a.label, { bold: true })],
    }),
    ...a.title.split('\n').map((t, i) => line(t, { bold: true, align: 'center', before: i ? 0 : 6 })),
    line('', { after: 6 }),
    ...a.blocks.flatMap((b) => renderBlock(b, width)),
  ];
}

/** Page numbers from page 2, centred in the header (Decree 30); the first page has an empty header. */
const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(SIZE.body) })],
      }),
    ],
  });

/** Builds the .docx of an official document. */
export async function renderOfficialDocument(doc: OfficialDocument): Promise<Buffer> {
  const landscape = doc.landscape === true;
  const width = contentWidth(landscape);
  const body = doc.blocks.flatMap((b) => renderBlock(b, width));
  const file = new Document({
    creator: 'ThiĐua',
    title: [doc.docType, doc.subject].filter(Boolean).join(' - ').replace(/\n/g, ' '),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: pt(SIZE.body), language: { value: 'vi-VN' } },
          paragraph: { spacing: { line: 264 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { ...MARGIN, header: mm(10), footer: 0, gutter: 0 },
          },
          titlePage: true,
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: [
          header(doc, width),
          ...title(doc, width),
          ...body,
          line('', { after: 6 }),
          doc.signers ? signerGrid(doc.signers, width) : footer(doc.recipients, doc.signer, width),
          ...(doc.annexes ?? []).flatMap((a) => annex(a, width)),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}
