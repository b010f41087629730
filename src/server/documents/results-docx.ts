import type { TResults } from '../../shared/scoring';
import { tieBreakerLabels } from '../../shared/scoring';
import type { DocMeta } from './doc-meta';
import { resultsSummaryDocx } from './docx/results-summary';
import { afterCloseLines } from './after-close';
import { nominationText, rankNotes } from './results-xlsx';

/** The number is the clerk's to write; the symbol is the bloc's report (báo cáo) symbol. */
export const RESULTS_DOC_NUMBER = '/BC-KTĐ';

/**
 * "Bảng tổng hợp kết quả chấm điểm" (.docx, Decree 30 layout), signed by the head unit's leader for the bloc
 * and dated the day the results were published (blank before that).
 */
export function resultsDocx(meta: DocMeta, r: TResults, shortNames: Map<string, string>): Promise<Buffer> {
  const notes = rankNotes(r);
  const tieText = r.tieBreakers.length
    ? `Đơn vị bằng điểm được xếp theo thứ tự tiêu chí phụ: ${r.tieBreakers.map((t) => tieBreakerLabels[t]).join('; ')}; còn bằng nhau thì đồng hạng.`
    : 'Đơn vị bằng điểm được xếp đồng hạng.';
  return resultsSummaryDocx({
    ...meta,
    docNumber: RESULTS_DOC_NUMBER,
    date: r.round.publishedAt ? new Date(r.round.publishedAt) : null,
    blocName: r.round.blocName,
    year: r.round.year,
    roundTitle: r.round.title,
    units: r.units.map((u) => ({
      id: u.unitId,
      name: u.unitName,
      shortName: shortNames.get(u.unitId) ?? u.unitName,
    })),
    matrix: r.matrix,
    rows: r.units.map((u) => ({
      unitId: u.unitId,
      scoreText: u.scoreText,
      rank: u.rank,
      note: notes.get(u.unitId) ?? '',
      ...(r.nominations ? { awards: nominationText(r, u.unitId) } : {}),
    })),
    policyText: `${r.policyText} Đã nhận ${r.receivedSheets}/${r.expectedSheets} bảng điểm.`,
    tieText,
    afterClose: afterCloseLines(r.afterClose),
  });
}
