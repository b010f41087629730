import JSZip from 'jszip';
import type { Readable } from 'node:stream';
import { allow } from '../../access';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import type { FileOut } from '../../http';
import { TOC_NAME } from '../../documents/unit-reports-zip';
import { unitReportsArchive } from '../plans/bloc-report-service';
import type { ReportStore } from '../plans/reports-service';
import { exportResults } from '../scoring/files-service';
import { loadDocumentFacts, minutesFile, proposalFile } from './documents';

export const whyDossier =
  'Hồ sơ đầy đủ (kèm báo cáo của các đơn vị) chỉ Trưởng khối, Phó trưởng khối và Ban TĐKT tải được.';

/** The whole of a stream (JSZip's node stream is an event emitter, not a full Readable). */
const bytesOf = (stream: Readable): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });

/**
 * The units' year-end reports as the plans module gathers them for the year (each unit's newest file, and
 * its table of contents), unpacked into a folder of the dossier.
 */
async function unitReports(db: Executor, yearId: string, store: ReportStore, ctx: Ctx) {
  const archive = await unitReportsArchive(db, yearId, 'year-end', store, ctx);
  const inner = await JSZip.loadAsync(await bytesOf(archive.stream));
  const files = Object.values(inner.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f) => ({ name: f.name, data: await f.async('nodebuffer') })));
}

/**
 * The whole dossier for the Council as one .zip: the letter, the minutes, the results summary (.docx and
 * .xlsx) and every unit's year-end report, with a table of contents.
 */
export async function dossierZip(
  db: Executor,
  yearId: string,
  store: ReportStore,
  ctx: Ctx,
): Promise<FileOut> {
  const facts = await loadDocumentFacts(db, yearId, ctx);
  allow(facts.access.can.readDossier, whyDossier);
  const year = facts.access.year;
  const zip = new JSZip();
  const toc: string[] = [`HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG NĂM ${year} - ${facts.access.blocName}`, ''];
  const add = (name: string, data: Buffer, what: string) => {
    zip.file(name, data);
    toc.push(`${name} — ${what}`);
  };
  const letter = await proposalFile(db, facts);
  add(`01 - ${letter.filename}`, letter.data, 'Tờ trình đề nghị khen thưởng');
  const results = (format: 'docx' | 'xlsx') => exportResults(db, facts.ranking.roundId, format, ctx);
  const docx = await results('docx');
  const xlsx = await results('xlsx');
  add(`02 - Phụ lục 1 - ${docx.filename}`, docx.data, 'Bảng tổng hợp kết quả chấm điểm');
  add(`02 - Phụ lục 1 - ${xlsx.filename}`, xlsx.data, 'Bảng tổng hợp kết quả chấm điểm (bảng tính)');
  const minutes = await minutesFile(db, facts);
  add(`03 - Phụ lục 2 - ${minutes.filename}`, minutes.data, 'Biên bản họp bình xét');
  const folder = '04 - Báo cáo tổng kết của các đơn vị';
  for (const r of await unitReports(db, yearId, store, ctx)) {
    add(
      `${folder}/${r.name}`,
      r.data,
      r.name === TOC_NAME ? 'Mục lục báo cáo của các đơn vị' : 'Báo cáo tổng kết',
    );
  }
  zip.file('00 - Mục lục.txt', `${toc.join('\r\n')}\r\n`);
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { data, filename: `Hồ sơ đề nghị khen thưởng năm ${year}.zip`, kind: 'zip' };
}
