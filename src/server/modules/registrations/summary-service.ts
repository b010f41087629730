import { allow, yearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { registrationSummaryDocx, registrationSummaryXlsx } from '../../documents/registrations-summary';
import type { FileOut } from '../../http';
import { documentMeta } from '../scoring/document-meta';
import { effectiveCatalogue } from './catalogue';
import { unitRegistrations } from './review-service';

/** "Bảng tổng hợp đăng ký thi đua" as .xlsx or .docx (addressed to the Council): who reads the overview. */
export async function exportSummary(
  db: Executor,
  yearId: string,
  format: 'xlsx' | 'docx',
  ctx: Ctx,
): Promise<FileOut> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(
    access.can.readBoard,
    'Chỉ Trưởng khối, Phó trưởng khối và Ban TĐKT lấy bảng tổng hợp đăng ký thi đua.',
  );
  const input = {
    year: access.year,
    blocName: access.blocName,
    date: now(),
    units: await unitRegistrations(db, access),
    catalogue: (await effectiveCatalogue(db, access.year)).entries,
  };
  const filename = `Tong hop dang ky thi dua ${access.year}.${format}`;
  if (format === 'docx') {
    const meta = await documentMeta(db, access);
    return { data: await registrationSummaryDocx(meta, input), filename, kind: 'docx' };
  }
  return { data: await registrationSummaryXlsx(input), filename, kind: 'xlsx' };
}
