import JSZip from 'jszip';
import { allow } from '../../access';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import type { FileOut } from '../../http';
import type { FileStore } from '../../storage/file-store';
import { downloadReport } from '../plans/reports-service';
import { exportResults } from '../scoring/files-service';
import { loadDocumentFacts, minutesFile, proposalFile } from './documents';
import { createProposalRepository } from './repository';

export const whyDossier =
  'Hồ sơ đầy đủ (kèm báo cáo của các đơn vị) chỉ Trưởng khối, Phó trưởng khối và Ban TĐKT tải được.';

/** Each unit's latest year-end report, read as its download would read it (same access rule). */
async function unitReports(
  db: Executor,
  yearId: string,
  store: { files: FileStore; dataDir: string },
  ctx: Ctx,
) {
  const seen = new Set<string>();
  const out: { unitName: string; filename: string; data: Buffer }[] = [];
  for (const r of await createProposalRepository(db).yearEndReports(yearId)) {
    if (seen.has(r.unitId)) continue;
    seen.add(r.unitId);
    const file = await downloadReport(db, r.id, store, ctx);
    out.push({ unitName: r.unitName, filename: file.filename, data: file.data });
  }
  return out;
}

/** A name safe inside a zip on every system (no slashes or reserved signs). */
const safe = (s: string) => s.replace(/[\\/:*?"<>|]+/g, '-').slice(0, 150);

/**
 * The whole dossier for the Council as one .zip: the letter, the minutes, the results summary (.docx and
 * .xlsx) and every unit's year-end report, with a table of contents.
 */
export async function dossierZip(
  db: Executor,
  yearId: string,
  store: { files: FileStore; dataDir: string },
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
  const reports = await unitReports(db, yearId, store, ctx);
  for (const [i, r] of reports.entries()) {
    const name = `04 - Báo cáo tổng kết/${String(i + 1).padStart(2, '0')} - ${safe(r.unitName)} - ${safe(r.filename)}`;
    add(name, r.data, `Báo cáo tổng kết của ${r.unitName}`);
  }
  if (!reports.length) toc.push('(Chưa có đơn vị nào gửi báo cáo tổng kết.)');
  zip.file('00 - Mục lục.txt', `${toc.join('\r\n')}\r\n`);
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { data, filename: `Hồ sơ đề nghị khen thưởng năm ${year}.zip`, kind: 'zip' };
}
