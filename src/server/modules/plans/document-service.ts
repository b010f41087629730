import type { TPlanContent } from '../../../shared/plans';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { planDocx } from '../../documents/plan-docx';
import { notFound } from '../../errors';
import type { FileOut } from '../../http';
import { allow } from '../../access';
import { loadPlan } from './plan-service';
import { createPlanRepository } from './repository';
import type { PdfRenderer } from './pdf-renderer';

/**
 * The plan as .docx or PDF: a published version (the latest by default; for readers of the year), or the
 * working copy ("draft"; head and deputy). PDF is null when LibreOffice is not installed; each version's
 * PDF is made once (cached by content) through a small queue (BusyError, 503, when it is full).
 */
export async function planDocument(
  db: Executor,
  planId: string,
  format: 'docx' | 'pdf',
  version: number | 'draft' | undefined,
  ctx: Ctx,
  pdfRenderer: PdfRenderer,
): Promise<FileOut | null> {
  const { plan, access } = await loadPlan(db, planId, ctx);
  const repo = createPlanRepository(db);
  let content: TPlanContent;
  if (version === 'draft') {
    allow(access.can.readPlanDraft, 'Chỉ Trưởng khối và Phó trưởng khối xem bản dự thảo kế hoạch.');
    content = plan.content;
  } else {
    allow(access.can.read);
    const n = version ?? plan.publishedVersion;
    const row = n > 0 ? await repo.findVersion(planId, n) : undefined;
    if (!row) throw notFound(n > 0 ? `phiên bản ${n} của kế hoạch` : 'kế hoạch đã ban hành');
    content = row.content;
  }
  const bloc = await repo.bloc(access.blocId);
  const docx = await planDocx(content, {
    governingBody: bloc.governingBody ?? '',
    issuingBody: bloc.name,
    year: access.year,
  });
  const name = `Kế hoạch thi đua năm ${access.year}${version === 'draft' ? ' (dự thảo)' : ''}`;
  if (format === 'docx') return { data: docx, filename: `${name}.docx`, kind: 'docx' };
  const pdf = await pdfRenderer.render(docx);
  return pdf ? { data: pdf, filename: `${name}.pdf`, kind: 'pdf' } : null;
}
