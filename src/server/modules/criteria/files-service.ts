import { grandMax, leaves } from '../../../domain/criteria';
import { parseCriteriaSheet, type ImportIssue } from '../../../domain/criteria-import';
import type { RowError } from '../../../shared/errors';
import type { TCriteriaImportPreview } from '../../../shared/criteria';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { criteriaToXlsx } from '../../documents/criteria-xlsx';
import { blankSheetDocx } from '../../documents/score-sheet-docx';
import { scoreSheetXlsx } from '../../documents/sheet-xlsx';
import { readGrid } from '../../documents/tabular';
import { AppError, notFound } from '../../errors';
import type { FileOut, UploadSource } from '../../http';
import { allow } from '../../access';
import { yearAccess } from '../../access';
import { documentMeta } from '../scoring/document-meta';
import { createCriteriaRepository } from './repository';

async function readableSet(db: Executor, setId: string, ctx: Ctx) {
  const set = await createCriteriaRepository(db).findSet(setId);
  if (!set) throw notFound('bảng tiêu chí');
  const access = await yearAccess(db, set.yearId, ctx.actor);
  allow(access.can.read);
  return { set, access, tree: set.tree };
}

const toRowError = (i: ImportIssue): RowError => ({
  row: i.row,
  field: i.column ?? '',
  ...(i.columnLetter ? { column: i.columnLetter } : {}),
  message: i.message,
});

/**
 * Reads a criteria file (.xlsx/.csv, as provinces circulate them) into a tree for the head to check
 * before saving; nothing is saved here. A file with any wrong row is refused with every problem by row
 * and column.
 */
export async function previewCriteriaImport(
  db: Executor,
  setId: string,
  upload: UploadSource,
  ctx: Ctx,
): Promise<TCriteriaImportPreview> {
  const { set, access } = await readableSet(db, setId, ctx);
  // Refuse before reading the file: parsing a large workbook costs the server, so only the head may.
  allow(access.can.prepare, 'Chỉ Trưởng khối của năm này được soạn bảng tiêu chí.');
  if (set.status !== 'draft') {
    throw new AppError(
      'CONFLICT',
      'Bảng tiêu chí đã khóa vì đợt chấm điểm đã mở; hãy tạo phiên bản mới để sửa.',
    );
  }
  const file = await upload(); // only now: the body is read after the access check
  if (!/\.(xlsx|csv)$/i.test(file.filename)) {
    throw new AppError('VALIDATION', 'Chỉ nhận tệp .xlsx hoặc .csv.', {
      file: 'Tệp: phải là .xlsx hoặc .csv',
    });
  }
  const rows = await readGrid(file.data, file.filename).catch((e: unknown) => {
    if (e instanceof AppError) throw e; // too large once unzipped, too many rows, server busy
    throw new AppError('VALIDATION', 'Không đọc được tệp: tệp hỏng hoặc không đúng định dạng.', {
      file: 'Tệp: không đọc được',
    });
  });
  const parsed = parseCriteriaSheet(rows);
  if (parsed.errors.length) {
    throw new AppError(
      'VALIDATION',
      `Tệp có ${parsed.errors.length} lỗi; chưa lưu tiêu chí nào. Sửa các lỗi và tải lên lại.`,
      undefined,
      parsed.errors.map(toRowError),
    );
  }
  if (!parsed.tree.length) {
    throw new AppError('VALIDATION', 'Tệp không có tiêu chí nào.', { file: 'Tệp: không có dữ liệu' });
  }
  return {
    tree: parsed.tree,
    grandMax: grandMax(parsed.tree),
    leafCount: leaves(parsed.tree).length,
    headerRow: parsed.headerRow ?? 1,
    warnings: parsed.warnings.map(toRowError),
  };
}

export async function exportCriteria(db: Executor, setId: string, ctx: Ctx): Promise<FileOut> {
  const { set, access, tree } = await readableSet(db, setId, ctx);
  return {
    data: await criteriaToXlsx(set.name, tree),
    filename: `Tiêu chí thi đua năm ${access.year} (phiên bản ${set.version}).xlsx`,
    kind: 'xlsx',
  };
}

/** A blank score sheet for units that prepare offline. */
export async function exportBlankSheet(
  db: Executor,
  setId: string,
  format: 'xlsx' | 'docx',
  ctx: Ctx,
): Promise<FileOut> {
  const { access, tree } = await readableSet(db, setId, ctx);
  const title = `BẢNG CHẤM ĐIỂM THI ĐUA NĂM ${access.year}`;
  if (format === 'docx') {
    return {
      data: await blankSheetDocx(await documentMeta(db, access), access.year, tree),
      filename: `Bảng chấm điểm trống năm ${access.year}.docx`,
      kind: 'docx',
    };
  }
  return {
    data: await scoreSheetXlsx({ title, scorerName: null, scoredName: null, tree, scores: null }),
    filename: `Bảng chấm điểm trống năm ${access.year}.xlsx`,
    kind: 'xlsx',
  };
}
