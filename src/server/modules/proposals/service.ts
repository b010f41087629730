import { randomUUID } from 'node:crypto';
import { allDecided, decisionRefusal, sendRefusal } from '../../../domain/proposals';
import {
  ZDecisionRequestSchema,
  type TDecisionRequest,
  type TProposal,
  type TProposalSend,
} from '../../../shared/proposals';
import { allow, yearAccess, type YearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor, Tx } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, notFound } from '../../errors';
import { parseBody, type UploadSource } from '../../http';
import { acceptUpload } from '../../storage/accept';
import type { FileStore } from '../../storage/file-store';
import { recordAudit } from '../audit/repository';
import { createEventRepository } from '../events/repository';
import { notifyUnits } from '../notifications/notify';
import { createProposalRepository } from './repository';
import { loadProposalState, proposedLines, type ProposalState } from './state';

export const whyProposal = {
  read: 'Chỉ các đơn vị trong Khối năm này và Ban TĐKT xem được tờ trình đề nghị khen thưởng.',
  send: 'Chỉ lãnh đạo đơn vị Trưởng khối ghi nhận được việc gửi tờ trình.',
  decide: 'Chỉ Ban Thi đua - Khen thưởng thành phố ghi nhận được quyết định của Hội đồng.',
};

/** What the web shows: the proposal's status, its lines with their decisions and files, and `can`. */
async function present(tx: Executor, access: YearAccess, s: ProposalState): Promise<TProposal> {
  const round = await createProposalRepository(tx).publishedYearEndRound(access.yearId);
  const files = await createEventRepository(tx).attachmentsOf(
    'nomination',
    s.lines.map((l) => l.id),
  );
  return {
    yearId: access.yearId,
    year: access.year,
    blocName: access.blocName,
    status: s.status,
    docNumber: s.row?.docNumber ?? null,
    sentOn: s.row?.sentOn ?? null,
    decidedAt: s.row?.decidedAt ?? null,
    roundId: round?.id ?? null,
    lines: s.lines.map((l) => ({
      id: l.id,
      unitId: l.unitId,
      unitName: l.unitName,
      awardCode: l.awardCode,
      awardName: l.awardName,
      rank: l.rank,
      scoreText: l.scoreText,
      reason: l.reason,
      changeReason: l.changeReason,
      standing: l.standing,
      decision: l.decision,
      decisionNumber: l.decisionNumber,
      decisionDate: l.decisionDate,
      decisionNote: l.decisionNote,
      files: files.filter((f) => f.ownerId === l.id).map((f) => ({ id: f.id, filename: f.filename })),
    })),
    can: {
      download: access.can.readProposal && round !== undefined,
      dossier: access.can.readDossier && round !== undefined,
      send: access.can.sendProposal && s.status === 'drafted',
      recordDecision: access.can.recordDecision && s.status === 'sent',
    },
  };
}

/** The year's proposal to the Council: the members of the year and the board. */
export async function getProposal(db: Executor, yearId: string, ctx: Ctx): Promise<TProposal> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.readProposal, whyProposal.read);
  return present(db, access, await loadProposalState(db, yearId));
}

/** The head unit's leader records that the proposal went to the Council (number and date); members hear of it. */
export async function sendProposal(
  db: Executor,
  yearId: string,
  input: TProposalSend,
  ctx: Ctx,
): Promise<TProposal> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(access.can.sendProposal, whyProposal.send);
    const s = await loadProposalState(tx, yearId);
    const refusal = sendRefusal(
      s.status,
      s.lines.map((l) => l.standing),
    );
    if (refusal) throw conflict(refusal);
    const repo = createProposalRepository(tx);
    const at = now().toISOString();
    const patch = {
      status: 'sent' as const,
      docNumber: input.docNumber,
      sentOn: input.sentOn,
      sentBy: ctx.actor.userId,
      updatedAt: at,
    };
    if (s.row) {
      if (!(await repo.transition(yearId, 'drafted', patch))) throw conflict('Tờ trình vừa được gửi.');
    } else {
      await repo.insert({ yearId, decidedAt: null, ...patch });
    }
    const lines = proposedLines(s);
    await recordAudit(tx, ctx, {
      action: 'proposal.sent',
      entityType: 'proposal',
      entityId: yearId,
      after: { docNumber: input.docNumber, sentOn: input.sentOn, lineIds: lines.map((l) => l.id) },
    });
    await notifyUnits(
      tx,
      'proposal',
      access.memberUnitIds.map((unitId) => ({
        unitId,
        title: `Đã gửi tờ trình đề nghị khen thưởng năm ${access.year}`,
        body: `Tờ trình số ${input.docNumber} ngày ${input.sentOn} đề nghị khen thưởng ${lines.length} trường hợp đã được gửi Hội đồng Thi đua - Khen thưởng thành phố.`,
      })),
      { yearId },
    );
    return present(tx, access, await loadProposalState(tx, yearId));
  });
}

/** Loads a nomination line with its year's access for a board user who records the Council's decision. */
async function lineForDecision(tx: Executor, nominationId: string, ctx: Ctx) {
  const line = await createProposalRepository(tx).findLine(nominationId);
  if (!line) throw notFound('dòng đề nghị khen thưởng');
  const access = await yearAccess(tx, line.yearId, ctx.actor);
  allow(access.can.recordDecision, whyProposal.decide);
  const s = await loadProposalState(tx, line.yearId);
  const standing = s.lines.find((l) => l.id === nominationId)!.standing;
  return { line, access, s, standing };
}

/**
 * A board user records the Council's decision on one line; once every proposed line has one, the proposal
 * is decided and the members hear of it.
 */
export async function recordDecision(
  db: Executor,
  nominationId: string,
  body: unknown,
  ctx: Ctx,
): Promise<TProposal> {
  return inTransaction(db, async (tx) => {
    const { line, access, s, standing } = await lineForDecision(tx, nominationId, ctx);
    const input: TDecisionRequest = parseBody(ZDecisionRequestSchema, body);
    const refusal = decisionRefusal(s.status, standing);
    if (refusal) throw conflict(refusal);
    const at = now().toISOString();
    const patch = {
      decision: input.decision,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      decisionNote: input.note?.trim() || null,
      decidedBy: ctx.actor.userId,
      decidedAt: at,
    };
    await createProposalRepository(tx).setDecision(nominationId, patch);
    await recordAudit(tx, ctx, {
      action: 'nomination.decided',
      entityType: 'nomination',
      entityId: nominationId,
      before: { decision: line.decision, decisionNumber: line.decisionNumber },
      after: patch,
    });
    const after = await loadProposalState(tx, line.yearId);
    if (allDecided(after.lines.map((l) => ({ standing: l.standing, decided: l.decision !== null })))) {
      await markDecided(tx, access, after, ctx, at);
    }
    return present(tx, access, await loadProposalState(tx, line.yearId));
  });
}

async function markDecided(tx: Tx, access: YearAccess, s: ProposalState, ctx: Ctx, at: string) {
  if (
    !(await createProposalRepository(tx).transition(s.yearId, 'sent', {
      status: 'decided',
      decidedAt: at,
      updatedAt: at,
    }))
  ) {
    return;
  }
  const lines = proposedLines(s);
  const approved = lines.filter((l) => l.decision === 'approved').length;
  await recordAudit(tx, ctx, {
    action: 'proposal.decided',
    entityType: 'proposal',
    entityId: s.yearId,
    after: { approved, rejected: lines.length - approved },
  });
  await notifyUnits(
    tx,
    'proposal',
    access.memberUnitIds.map((unitId) => ({
      unitId,
      title: `Hội đồng đã quyết định khen thưởng năm ${access.year}`,
      body: `Hội đồng Thi đua - Khen thưởng thành phố đã quyết định: ${approved}/${lines.length} trường hợp được khen thưởng. Xem chi tiết trong ThiĐua.`,
    })),
    { yearId: s.yearId },
  );
}

/** The Council's decision as a file (PDF, Word or a scan), checked by its content, attached to the line. */
export async function attachDecisionFile(
  db: Executor,
  nominationId: string,
  upload: UploadSource,
  files: FileStore,
  ctx: Ctx,
): Promise<TProposal> {
  const { s, standing } = await lineForDecision(db, nominationId, ctx);
  if (s.status === 'drafted' || standing !== 'proposed') {
    throw conflict(decisionRefusal(s.status === 'decided' ? 'sent' : s.status, standing) ?? '');
  }
  const file = await acceptUpload(await upload(), ['pdf', 'docx', 'doc', 'jpg', 'png']);
  const sha256 = await files.put(file.data);
  return inTransaction(db, async (tx) => {
    const { line, access } = await lineForDecision(tx, nominationId, ctx);
    const row = {
      id: randomUUID(),
      ownerType: 'nomination' as const,
      ownerId: nominationId,
      yearId: line.yearId,
      kind: 'other' as const,
      filename: file.filename,
      contentType: file.contentType,
      size: file.data.length,
      sha256,
      uploadedBy: ctx.actor.userId,
      uploadedAt: now().toISOString(),
    };
    await createEventRepository(tx).insertAttachment(row);
    await recordAudit(tx, ctx, {
      action: 'nomination.file-attached',
      entityType: 'nomination',
      entityId: nominationId,
      after: { filename: row.filename, size: row.size, sha256 },
    });
    return present(tx, access, await loadProposalState(tx, line.yearId));
  });
}
