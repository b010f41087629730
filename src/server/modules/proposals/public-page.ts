import { formatVnDate } from '../../../domain/time';
import { accountAccess, allow } from '../../access';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { notFound } from '../../errors';
import { recordAudit } from '../audit/repository';
import { publishedRanking } from './ranking';
import { createProposalRepository } from './repository';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const dayText = (d: string | null) => (d ? d.split('-').reverse().join('/') : '');

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1f1f1f;background:#fafafa;line-height:1.45}
main{max-width:760px;margin:0 auto;padding:16px}h1{font-size:1.3rem;margin:.2em 0}h2{font-size:1.1rem;margin:1.4em 0 .5em}
p{margin:.3em 0;color:#555}table{width:100%;border-collapse:collapse;background:#fff}th,td{padding:8px 6px;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top}
th{font-size:.85rem;color:#555;font-weight:600}td.n,th.n{text-align:right;white-space:nowrap}footer{margin-top:2em;font-size:.8rem;color:#777}`;

/**
 * The bloc-year's public results (no sign-in): the final ranking of the published year-end round (unit,
 * score, rank) and the decided awards. Not found unless the bloc's page is on and the results published.
 */
export async function publicResultsHtml(db: Executor, blocId: string, year: number): Promise<string> {
  const repo = createProposalRepository(db);
  const y = await repo.publicYear(blocId, year);
  const missing = () => notFound('trang kết quả công khai');
  if (!y || y.publicResults !== 1) throw missing();
  const ranking = await publishedRanking(db, y.yearId);
  if (!ranking) throw missing();
  const awards = await repo.awards({ year, blocId });
  const rows = ranking.rows
    .map(
      (r) =>
        `<tr><td class="n">${r.rank ?? '—'}</td><td>${esc(r.unitName)}</td><td class="n">${esc(r.scoreText ?? '—')}</td></tr>`,
    )
    .join('');
  const awardRows = awards
    .map(
      (a) =>
        `<tr><td>${esc(a.unitName)}</td><td>${esc(a.awardName)}</td><td>${esc(a.decisionNumber ?? '')}${a.decisionDate ? `<br>${dayText(a.decisionDate)}` : ''}</td></tr>`,
    )
    .join('');
  const title = `Kết quả thi đua năm ${year} - ${y.blocName}`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main>
<p>${esc(y.governingBody ?? '')}</p><h1>${esc(y.blocName)}</h1><p>Kết quả thi đua năm ${year}${ranking.publishedAt ? `, công bố ngày ${formatVnDate(ranking.publishedAt)}` : ''}.</p>
<h2>Xếp hạng</h2><table><thead><tr><th class="n">Hạng</th><th>Đơn vị</th><th class="n">Điểm</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Khen thưởng đã được quyết định</h2>${
    awards.length
      ? `<table><thead><tr><th>Đơn vị</th><th>Hình thức</th><th>Quyết định</th></tr></thead><tbody>${awardRows}</tbody></table>`
      : '<p>Hội đồng Thi đua - Khen thưởng thành phố chưa có quyết định khen thưởng.</p>'
  }
<footer>Trang công khai của ThiĐua.</footer></main></body></html>`;
}

/** The board switches a bloc's public results page on or off (audited). */
export async function switchPublicResults(
  db: Executor,
  blocId: string,
  on: boolean,
  ctx: Ctx,
): Promise<{ blocId: string; publicResults: boolean }> {
  allow(
    accountAccess(ctx.actor).switchPublicResults,
    'Chỉ Ban Thi đua - Khen thưởng thành phố bật, tắt được trang kết quả công khai.',
  );
  return inTransaction(db, async (tx) => {
    const repo = createProposalRepository(tx);
    const bloc = await repo.findBloc(blocId);
    if (!bloc) throw notFound('Khối thi đua');
    await repo.setPublicResults(blocId, on);
    await recordAudit(tx, ctx, {
      action: 'bloc.public-results',
      entityType: 'bloc',
      entityId: blocId,
      before: { publicResults: bloc.publicResults === 1 },
      after: { publicResults: on },
    });
    return { blocId, publicResults: on };
  });
}
