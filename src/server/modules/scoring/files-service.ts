import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { resultsDocx } from '../../documents/results-docx';
import { resultsXlsx } from '../../documents/results-xlsx';
import { filledSheetDocx } from '../../documents/score-sheet-docx';
import { scoreSheetXlsx } from '../../documents/sheet-xlsx';
import type { FileOut } from '../../http';
import { loadRound } from './context';
import { documentMeta } from './document-meta';
import { resultsOf } from './results-service';
import { createScoringRepository } from './repository';
import { readSheet } from './sheets-service';
import { createUsersRepository } from '../org/users-repository';

/** The results table as .xlsx or .docx; the same access as the results page. */
export async function exportResults(
  db: Executor,
  roundId: string,
  format: 'xlsx' | 'docx',
  ctx: Ctx,
): Promise<FileOut> {
  const rc = await loadRound(db, roundId, ctx.actor);
  const results = await resultsOf(db, rc, ctx);
  const name = `Tổng hợp kết quả chấm điểm năm ${results.round.year}`;
  if (format === 'docx') {
    const shortNames = await createScoringRepository(db).unitShortNames(rc.members.map((m) => m.id));
    return {
      data: await resultsDocx(await documentMeta(db, rc.access), results, shortNames),
      filename: `${name}.docx`,
      kind: 'docx',
    };
  }
  return { data: await resultsXlsx(results, rc.tree), filename: `${name}.xlsx`, kind: 'xlsx' };
}

/** One sheet as .xlsx or .docx; the same access as reading the sheet. */
export async function exportSheet(
  db: Executor,
  sheetId: string,
  format: 'xlsx' | 'docx',
  ctx: Ctx,
): Promise<FileOut> {
  const { sheet, rc } = await readSheet(db, sheetId, ctx);
  const name = `Bảng chấm điểm - ${sheet.scorerUnitName} chấm ${sheet.scoredUnitName}`;
  if (format === 'docx') {
    const leader = await createUsersRepository(db).personOf(sheet.scorerUnitId, 'leader');
    const meta = await documentMeta(db, rc.access);
    return {
      data: await filledSheetDocx(meta, rc.access.year, sheet, leader, rc.tree),
      filename: `${name}.docx`,
      kind: 'docx',
    };
  }
  const title = `BẢNG CHẤM ĐIỂM THI ĐUA NĂM ${rc.access.year}`;
  return {
    data: await scoreSheetXlsx({
      title,
      scorerName: sheet.scorerUnitName,
      scoredName: sheet.scoredUnitName,
      tree: rc.tree,
      scores: sheet.scores,
    }),
    filename: `${name}.xlsx`,
    kind: 'xlsx',
  };
}
