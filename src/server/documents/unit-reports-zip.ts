/**
 * Every unit's report for a period in one .zip, with a table of contents ("Mục lục", .xlsx) listing each
 * unit, its file's name in the archive, when it was sent and whether late or missing. Names in the archive
 * are ASCII ("03-So-Tai-chinh.pdf") so that every unzip tool shows them alike, and never collide.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Readable } from 'node:stream';
import {
  unitReportStateLabels,
  type BlocReportPeriod,
  type UnitReportStatus,
} from '../../domain/bloc-reports';
import { formatVnDate, formatVnDateTime } from '../../domain/time';
import { asciiFileName } from '../http';
import { addTableSheet, toBuffer } from './xlsx';

export interface UnitReportEntry {
  unitName: string;
  status: UnitReportStatus;
  /** The unit's newest file; null when it sent none. */
  file: { filename: string; extension: string; data: Buffer } | null;
}

export const TOC_NAME = '00-Muc-luc.xlsx';

/** Each entry's name in the archive: its place, its unit in ASCII, its extension; unique (case ignored). */
export function archiveNames(
  entries: readonly Pick<UnitReportEntry, 'unitName' | 'file'>[],
): (string | null)[] {
  const used = new Set([TOC_NAME.toLowerCase()]);
  const width = Math.max(2, String(entries.length).length);
  return entries.map((e, i) => {
    if (!e.file) return null;
    const stem =
      `${String(i + 1).padStart(width, '0')}-${asciiFileName(e.unitName.replace(/\./g, ' '))}`.slice(0, 80);
    const ext = /^\.[a-z0-9]{1,5}$/.test(e.file.extension) ? e.file.extension : '';
    let name = `${stem}${ext}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}${ext}`;
    used.add(name.toLowerCase());
    return name;
  });
}

const periodTitle = (period: BlocReportPeriod, year: number) =>
  period === 'mid-year' ? `BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM ${year}` : `BÁO CÁO TỔNG KẾT NĂM ${year}`;

/** The table of contents as a workbook. */
export async function tocXlsx(
  input: { year: number; period: BlocReportPeriod; blocName: string },
  entries: readonly UnitReportEntry[],
  names: readonly (string | null)[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  addTableSheet(book, 'Mục lục', {
    title: [`MỤC LỤC ${periodTitle(input.period, input.year)} CỦA CÁC ĐƠN VỊ`, input.blocName],
    columns: [
      { header: 'STT', width: 6, kind: 'integer' },
      { header: 'Đơn vị', width: 36, kind: 'text' },
      { header: 'Tệp trong thư mục nén', width: 30, kind: 'text' },
      { header: 'Tên tệp đơn vị gửi', width: 36, kind: 'text' },
      { header: 'Thời điểm gửi', width: 18, kind: 'text' },
      { header: 'Hạn gửi', width: 12, kind: 'text' },
      { header: 'Tình trạng', width: 30, kind: 'text' },
    ],
    rows: entries.map((e, i) => ({
      cells: [
        i + 1,
        e.unitName,
        names[i] ?? 'Không có tệp',
        e.file?.filename ?? '',
        e.status.sentAt ? formatVnDateTime(e.status.sentAt) : '',
        e.status.deadlineAt ? formatVnDate(e.status.deadlineAt) : '',
        unitReportStateLabels[e.status.state],
      ],
    })),
    footer: [
      'Thời điểm theo giờ Việt Nam. Mỗi đơn vị: tệp báo cáo mới nhất; thời điểm gửi là lần gửi đầu tiên.',
    ],
  });
  return toBuffer(book);
}

/**
 * The archive as a stream: the contents first, then each unit's file stored as is (reports are already
 * compressed formats: deflating them again costs time for nothing).
 */
export async function unitReportsZip(
  input: { year: number; period: BlocReportPeriod; blocName: string },
  entries: readonly UnitReportEntry[],
): Promise<Readable> {
  const names = archiveNames(entries);
  const zip = new JSZip();
  const date = new Date();
  zip.file(TOC_NAME, await tocXlsx(input, entries, names), { date });
  entries.forEach((e, i) => {
    const name = names[i];
    if (e.file && name) zip.file(name, e.file.data, { date, compression: 'STORE' });
  });
  return zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true }) as unknown as Readable;
}
