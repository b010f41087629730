import type { Readable } from 'node:stream';
import type { BlocReportPeriod } from '../../../domain/bloc-reports';
import { allow, yearAccess } from '../../access';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { blocReportDocx } from '../../documents/bloc-report-docx';
import { unitReportsZip, type UnitReportEntry } from '../../documents/unit-reports-zip';
import { AppError } from '../../errors';
import type { FileOut } from '../../http';
import { documentMeta } from '../scoring/document-meta';
import { gatherBlocReport, unitReportRows } from './bloc-report-data';
import { readReportFile, reportExtension, type ReportStore } from './reports-service';

const readWhy =
  'Chỉ Trưởng khối, Phó trưởng khối và Ban TĐKT lấy báo cáo của Khối và báo cáo của các đơn vị.';

/** Beyond this, the archive is refused: each report is at most 10 MB, a bloc has tens of units. */
export const MAX_ZIP_BYTES = 300 * 1024 * 1024;

const periodTitle: Record<BlocReportPeriod, string> = {
  'mid-year': 'Báo cáo sơ kết 6 tháng',
  'year-end': 'Báo cáo tổng kết năm',
};

/** The bloc's mid-year or year-end report (.docx), generated from the year's data for the head to edit. */
export async function blocReportDocument(
  db: Executor,
  yearId: string,
  period: BlocReportPeriod,
  ctx: Ctx,
): Promise<FileOut> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.readBoard, readWhy);
  const input = await gatherBlocReport(db, access, period, ctx);
  const data = await blocReportDocx(await documentMeta(db, access), input);
  return { data, filename: `${periodTitle[period]} ${access.year} - ${access.blocName}.docx`, kind: 'docx' };
}

/**
 * Every unit's report for a period in one .zip with its table of contents. The files are read (their total
 * bounded) before the archive starts, so that a missing file is an error answer, not a cut download.
 */
export async function unitReportsArchive(
  db: Executor,
  yearId: string,
  period: BlocReportPeriod,
  store: ReportStore,
  ctx: Ctx,
): Promise<{ stream: Readable; filename: string }> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.readBoard, readWhy);
  const rows = await unitReportRows(db, access, period);
  const total = rows.reduce((n, r) => n + (r.latest?.size ?? 0), 0);
  if (total > MAX_ZIP_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Báo cáo của các đơn vị quá lớn để gộp thành một tệp nén (${Math.ceil(total / 1048576)} MB, tối đa ${MAX_ZIP_BYTES / 1048576} MB); hãy tải từng báo cáo.`,
    );
  }
  const entries: UnitReportEntry[] = [];
  for (const r of rows) {
    entries.push({
      unitName: r.unitName,
      status: r.status,
      file: r.latest
        ? {
            filename: r.latest.filename,
            extension: reportExtension(r.latest),
            data: await readReportFile(r.latest, store),
          }
        : null,
    });
  }
  const stream = await unitReportsZip({ year: access.year, period, blocName: access.blocName }, entries);
  return { stream, filename: `${periodTitle[period]} ${access.year} của các đơn vị.zip` };
}
