import { createHash } from 'node:crypto';
import {
  allSigned,
  canonicalCovenant,
  commentWindow,
  hashPrefix,
  textMayChange,
  windowDays,
  windowState,
  type CovenantText,
} from '../../../domain/covenants';
import { ZCovenantDraftSchema, type TCovenantDraft, type TCovenantView } from '../../../shared/covenants';
import { allow, why, yearAccess, type YearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import { uuidv7 } from '../../db/ids';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { covenantDocx } from '../../documents/covenant-docx';
import { conflict, notFound } from '../../errors';
import { emit } from '../../events';
import type { FileOut } from '../../http';
import { recordAudit } from '../audit/repository';
import { notifyUnits } from '../notifications/notify';
import { documentMeta } from '../scoring/document-meta';
import { presentComment, presentCovenant, presentSignatures, windowOf } from './present';
import { createCovenantRepository, type Covenant, type CovenantRepository } from './repository';

const refusals = {
  draft: 'Chỉ cán bộ, lãnh đạo đơn vị Trưởng khối soạn dự thảo giao ước và trả lời góp ý.',
  publish: 'Chỉ lãnh đạo đơn vị Trưởng khối ban hành văn bản giao ước.',
  comment: 'Chỉ cán bộ, lãnh đạo các đơn vị trong Khối (trừ Trưởng khối) góp ý dự thảo giao ước.',
  sign: 'Chỉ lãnh đạo đơn vị thành viên ký giao ước cho đơn vị mình.',
  locked: 'Đã có đơn vị ký giao ước: văn bản không thay đổi được nữa.',
  stale: 'Dự thảo vừa được người khác sửa; hãy tải lại trang.',
  none: 'Năm này chưa có dự thảo giao ước.',
  notPublished: 'Giao ước chưa được ban hành.',
} as const;

/** SHA-256 (hex) of the canonical text: what a signature covers. */
export const textHashOf = (c: CovenantText): string =>
  createHash('sha256').update(canonicalCovenant(c), 'utf8').digest('hex');

const textOf = (c: Pick<Covenant, 'title' | 'body' | 'commitments'>): CovenantText => ({
  title: c.title,
  body: c.body,
  commitments: c.commitments,
});

/** The year's units: the head first, then by name. */
export async function unitsOf(repo: CovenantRepository, access: YearAccess) {
  const units = await repo.units(access.yearId);
  return [
    ...units.filter((u) => u.id === access.headUnitId),
    ...units.filter((u) => u.id !== access.headUnitId),
  ];
}

/** The whole page: the covenant (when the caller may see it), comments, signatures and what the caller may do. */
async function view(db: Executor, access: YearAccess, ctx: Ctx): Promise<TCovenantView> {
  const repo = createCovenantRepository(db);
  const c = await repo.ofYear(access.yearId);
  const can = access.can;
  const visible = Boolean(c && (can.draftCovenant || c.commentsOpenedAt || c.publishedVersion > 0));
  const empty = {
    yearId: access.yearId,
    year: access.year,
    covenant: null,
    comments: [],
    signatures: [],
    can: {
      edit: can.draftCovenant && !c,
      openComments: false,
      comment: false,
      reply: false,
      publish: false,
      sign: false,
      download: false,
    },
  };
  if (!c || !visible) return empty;
  const at = now();
  const published = c.publishedVersion > 0 ? await repo.version(c.id, c.publishedVersion) : undefined;
  const signatures = published ? await repo.signatures(c.id) : [];
  const mayChange = textMayChange(c.signatureCount);
  const state = windowState(windowOf(c), at);
  const mySigned = signatures.some((s) => s.unitId === ctx.actor.unitId);
  const draftChanged = !published || published.textHash !== textHashOf(textOf(c));
  return {
    yearId: access.yearId,
    year: access.year,
    covenant: presentCovenant(c, published, at),
    comments: (await repo.comments(c.id)).map(presentComment),
    signatures: published ? presentSignatures(await unitsOf(repo, access), signatures) : [],
    can: {
      edit: can.draftCovenant && mayChange,
      openComments: can.draftCovenant && !published && (state === 'not-yet' || state === 'open'),
      comment: can.commentCovenant && Boolean(c.commentsOpenedAt) && state === 'open' && mayChange,
      reply: can.draftCovenant,
      publish: can.publishCovenant && mayChange && draftChanged,
      sign: can.signCovenant && Boolean(published) && !mySigned,
      download: Boolean(published),
    },
  };
}

async function readable(db: Executor, yearId: string, ctx: Ctx): Promise<YearAccess> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.read, why.readYear);
  return access;
}

/** The year's covenant page. */
export async function getCovenant(db: Executor, yearId: string, ctx: Ctx): Promise<TCovenantView> {
  const access = await readable(db, yearId, ctx);
  return view(db, access, ctx);
}

/** "2025-03-20" → "20/03/2025". */
const vnDay = (date: string): string => date.split('-').reverse().join('/');

const otherUnits = (access: YearAccess) => access.memberUnitIds.filter((u) => u !== access.headUnitId);

/** The head saves the working copy (text, commitments, comment window); refused once anyone signed. */
export async function saveCovenantDraft(
  db: Executor,
  yearId: string,
  input: TCovenantDraft,
  ctx: Ctx,
): Promise<TCovenantView> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(access.can.draftCovenant, refusals.draft);
    const d = ZCovenantDraftSchema.parse(input);
    const repo = createCovenantRepository(tx);
    const w = d.commentsFrom && d.commentsUntil ? commentWindow(d.commentsFrom, d.commentsUntil) : null;
    const at = now().toISOString();
    const fields = {
      title: d.title,
      body: d.body,
      commitments: d.commitments,
      commentsOpensAt: w?.opensAt ?? null,
      commentsClosesAt: w?.closesAt ?? null,
      updatedAt: at,
      updatedBy: ctx.actor.userId,
    };
    const before = await repo.ofYear(yearId);
    if (!before) {
      if (d.revision !== 0) throw conflict(refusals.stale);
      const row: Covenant = {
        id: uuidv7(),
        yearId,
        ...fields,
        revision: 1,
        commentsOpenedAt: null,
        publishedVersion: 0,
        signatureCount: 0,
        allSignedAt: null,
        createdAt: at,
      };
      await repo.insert(row);
    } else {
      if (!textMayChange(before.signatureCount)) throw conflict(refusals.locked);
      if (!(await repo.saveDraft(before.id, d.revision, fields))) throw conflict(refusals.stale);
    }
    const after = (await repo.ofYear(yearId))!;
    await recordAudit(tx, ctx, {
      action: 'covenant.saved',
      entityType: 'covenant',
      entityId: after.id,
      before: before ? { ...textOf(before), window: windowOf(before), revision: before.revision } : null,
      after: { ...textOf(after), window: windowOf(after), revision: after.revision },
    });
    return view(tx, access, ctx);
  });
}

/** The head opens the draft for comments: members are told the window. */
export async function openCovenantComments(db: Executor, yearId: string, ctx: Ctx): Promise<TCovenantView> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(access.can.draftCovenant, refusals.draft);
    const repo = createCovenantRepository(tx);
    const c = await repo.ofYear(yearId);
    if (!c) throw conflict(refusals.none);
    if (c.publishedVersion > 0) throw conflict('Giao ước đã ban hành: không lấy ý kiến dự thảo nữa.');
    const w = windowOf(c);
    const state = windowState(w, now());
    if (!w || state === 'unset') throw conflict('Hãy đặt thời hạn góp ý trước khi mở lấy ý kiến.');
    if (state === 'closed') throw conflict('Thời hạn góp ý đã qua; hãy đặt thời hạn mới.');
    const at = now().toISOString();
    await repo.update(c.id, { commentsOpenedAt: at });
    await recordAudit(tx, ctx, {
      action: 'covenant.comments-opened',
      entityType: 'covenant',
      entityId: c.id,
      after: { commentsOpenedAt: at, window: w },
    });
    const days = windowDays(w);
    await notifyUnits(
      tx,
      'covenant',
      otherUnits(access).map((unitId) => ({
        unitId,
        title: `Dự thảo giao ước thi đua năm ${access.year} mở lấy ý kiến`,
        body: `${c.title}\nĐơn vị góp ý trên ThiĐua từ ngày ${vnDay(days.from)} đến hết ngày ${vnDay(days.until)}.`,
      })),
      { yearId },
    );
    return view(tx, access, ctx);
  });
}

/** A member unit comments on the draft, within the window. */
export async function commentOnCovenant(
  db: Executor,
  yearId: string,
  input: { body: string },
  ctx: Ctx,
): Promise<TCovenantView> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(access.can.commentCovenant, refusals.comment);
    const repo = createCovenantRepository(tx);
    const c = await repo.ofYear(yearId);
    if (!c || !c.commentsOpenedAt) throw conflict('Dự thảo giao ước chưa mở lấy ý kiến.');
    if (!textMayChange(c.signatureCount)) throw conflict(refusals.locked);
    const w = windowOf(c);
    if (windowState(w, now()) !== 'open') {
      const days = w ? windowDays(w) : null;
      const range = days
        ? ` (từ ngày ${vnDay(days.from)} đến hết ngày ${vnDay(days.until)}, giờ Việt Nam)`
        : '';
      throw conflict(`Ngoài thời hạn góp ý dự thảo giao ước${range}.`);
    }
    const row = {
      id: uuidv7(),
      covenantId: c.id,
      unitId: ctx.actor.unitId!,
      authorId: ctx.actor.userId,
      body: input.body,
      createdAt: now().toISOString(),
      reply: null,
      repliedBy: null,
      repliedAt: null,
    };
    await repo.insertComment(row);
    await recordAudit(tx, ctx, {
      action: 'covenant.commented',
      entityType: 'covenantComment',
      entityId: row.id,
      after: { covenantId: c.id, unitId: row.unitId, body: row.body },
    });
    return view(tx, access, ctx);
  });
}

/** The head answers a comment (again, if it wants to correct its answer). */
export async function answerCovenantComment(
  db: Executor,
  commentId: string,
  input: { reply: string },
  ctx: Ctx,
): Promise<TCovenantView> {
  return inTransaction(db, async (tx) => {
    const repo = createCovenantRepository(tx);
    const comment = await repo.comment(commentId);
    if (!comment) throw notFound('góp ý');
    const access = await yearAccess(tx, comment.yearId, ctx.actor);
    allow(access.can.draftCovenant, refusals.draft);
    const patch = { reply: input.reply, repliedBy: ctx.actor.userId, repliedAt: now().toISOString() };
    await repo.answer(commentId, patch);
    await recordAudit(tx, ctx, {
      action: 'covenant.comment-answered',
      entityType: 'covenantComment',
      entityId: commentId,
      before: { reply: comment.reply },
      after: { reply: patch.reply },
    });
    return view(tx, access, ctx);
  });
}

/**
 * The head unit's leader publishes the working copy as the final text: a new version with its hash.
 * Refused once anyone signed (docs/covenant.md); members are told.
 */
export async function publishCovenant(
  db: Executor,
  yearId: string,
  input: { revision: number },
  ctx: Ctx,
): Promise<TCovenantView> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(access.can.publishCovenant, refusals.publish);
    const repo = createCovenantRepository(tx);
    const c = await repo.ofYear(yearId);
    if (!c) throw conflict(refusals.none);
    if (!textMayChange(c.signatureCount)) throw conflict(refusals.locked);
    if (c.revision !== input.revision) throw conflict(refusals.stale);
    const text = textOf(c);
    const textHash = textHashOf(text);
    const previous = c.publishedVersion > 0 ? await repo.version(c.id, c.publishedVersion) : undefined;
    if (previous?.textHash === textHash) {
      throw conflict('Văn bản này đã được ban hành; không có gì thay đổi.');
    }
    const at = now().toISOString();
    if (!(await repo.advanceVersion(c.id, c.publishedVersion, c.revision, at))) {
      throw conflict(c.revision === input.revision ? refusals.locked : refusals.stale);
    }
    const version = c.publishedVersion + 1;
    await repo.insertVersion({
      id: uuidv7(),
      covenantId: c.id,
      version,
      title: c.title,
      body: c.body,
      commitments: c.commitments,
      textHash,
      publishedAt: at,
      publishedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'covenant.published',
      entityType: 'covenant',
      entityId: c.id,
      before: previous ? { version: previous.version, textHash: previous.textHash } : null,
      after: { version, textHash, ...text },
    });
    await notifyUnits(
      tx,
      'covenant',
      otherUnits(access).map((unitId) => ({
        unitId,
        title: `Ban hành giao ước thi đua năm ${access.year}`,
        body: `${c.title}\nVăn bản chính thức (mã ${hashPrefix(textHash)}) đã ban hành; lãnh đạo đơn vị ký giao ước tại Hội nghị ký kết trên ThiĐua.`,
      })),
      { yearId },
    );
    return view(tx, access, ctx);
  });
}

/**
 * A unit's leader signs the published text for the unit, naming the hash they were shown: a text that
 * changed since is refused. One signature per unit; the unit's covenant task completes, and the head is
 * told when every unit has signed.
 */
export async function signCovenant(
  db: Executor,
  yearId: string,
  input: { textHash: string },
  ctx: Ctx,
): Promise<TCovenantView> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(access.can.signCovenant, refusals.sign);
    const unitId = ctx.actor.unitId!;
    const repo = createCovenantRepository(tx);
    const c = await repo.ofYear(yearId);
    if (!c || c.publishedVersion === 0) throw conflict(refusals.notPublished);
    const published = (await repo.version(c.id, c.publishedVersion))!;
    if (published.textHash !== input.textHash) {
      throw conflict(
        `Văn bản giao ước đã thay đổi (mã hiện tại ${hashPrefix(published.textHash)}); hãy đọc lại văn bản trước khi ký.`,
        { textHash: 'Mã văn bản: không khớp với văn bản đang ban hành' },
      );
    }
    // Counting first takes the covenant's row: a concurrent publication or second signature waits here.
    if (!(await repo.countSignature(c.id, published.version))) {
      throw conflict('Văn bản giao ước vừa được ban hành lại; hãy đọc lại văn bản trước khi ký.');
    }
    if (await repo.signature(c.id, unitId)) throw conflict('Đơn vị của bạn đã ký giao ước này.');
    const at = now().toISOString();
    const row = {
      id: uuidv7(),
      covenantId: c.id,
      unitId,
      userId: ctx.actor.userId,
      version: published.version,
      textHash: published.textHash,
      signedAt: at,
    };
    await repo.insertSignature(row);
    await recordAudit(tx, ctx, {
      action: 'covenant.signed',
      entityType: 'covenant',
      entityId: c.id,
      after: { unitId, version: row.version, textHash: row.textHash, signedAt: at },
    });
    await emit(tx, 'deliverable.arrived', { yearId, unitId, deliverable: 'covenant-signature' }, ctx);
    const signed = (await repo.signatures(c.id)).map((s) => s.unitId);
    if (!c.allSignedAt && allSigned(access.memberUnitIds, signed) && access.headUnitId) {
      await repo.update(c.id, { allSignedAt: at });
      await notifyUnits(
        tx,
        'covenant',
        [
          {
            unitId: access.headUnitId,
            title: `Các đơn vị đã ký đủ giao ước thi đua năm ${access.year}`,
            body: `${c.title}\nĐủ ${signed.length}/${access.memberUnitIds.length} đơn vị đã ký văn bản mã ${hashPrefix(published.textHash)}.`,
          },
        ],
        { yearId },
      );
    }
    return view(tx, access, ctx);
  });
}

/** The covenant as .docx: the published text, the signing record and every unit's signer block. */
export async function covenantDocument(db: Executor, yearId: string, ctx: Ctx): Promise<FileOut> {
  const access = await readable(db, yearId, ctx);
  const repo = createCovenantRepository(db);
  const c = await repo.ofYear(yearId);
  if (!c || c.publishedVersion === 0) throw notFound('văn bản giao ước đã ban hành');
  const published = (await repo.version(c.id, c.publishedVersion))!;
  const signatures = presentSignatures(await unitsOf(repo, access), await repo.signatures(c.id));
  const meta = await documentMeta(db, access);
  const data = await covenantDocx({
    meta,
    year: access.year,
    version: published.version,
    title: published.title,
    body: published.body,
    commitments: published.commitments,
    textHash: published.textHash,
    publishedAt: published.publishedAt,
    units: signatures.map((s) => ({
      name: s.unitName,
      signerName: s.signerName,
      signedAt: s.signedAt,
      textHash: s.textHash,
    })),
  });
  return { data, filename: `Giao ước thi đua năm ${access.year}.docx`, kind: 'docx' };
}
