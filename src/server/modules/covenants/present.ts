import { windowDays, windowState, type CommentWindow } from '../../../domain/covenants';
import type { TCovenant, TCovenantComment, TCovenantSignature } from '../../../shared/covenants';
import type { CommentRow, Covenant, CovenantVersion, SignatureRow } from './repository';

export const windowOf = (c: Covenant): CommentWindow | null =>
  c.commentsOpensAt && c.commentsClosesAt
    ? { opensAt: c.commentsOpensAt, closesAt: c.commentsClosesAt }
    : null;

export type PublishedRow = CovenantVersion & { publishedByName: string | null };

/** The covenant as people read it: the working copy, its window, the published text and its hash. */
export function presentCovenant(c: Covenant, published: PublishedRow | undefined, at: Date): TCovenant {
  const w = windowOf(c);
  const days = w ? windowDays(w) : null;
  return {
    id: c.id,
    title: c.title,
    body: c.body,
    commitments: c.commitments,
    revision: c.revision,
    commentsFrom: days?.from ?? null,
    commentsUntil: days?.until ?? null,
    commentWindow: windowState(w, at),
    commentsOpenedAt: c.commentsOpenedAt,
    published: published
      ? {
          version: published.version,
          title: published.title,
          body: published.body,
          commitments: published.commitments,
          textHash: published.textHash,
          publishedAt: published.publishedAt,
          publishedByName: published.publishedByName,
        }
      : null,
    allSignedAt: c.allSignedAt,
  };
}

export const presentComment = (r: CommentRow): TCovenantComment => ({
  id: r.id,
  unitName: r.unitName,
  authorName: r.authorName,
  body: r.body,
  createdAt: r.createdAt,
  reply: r.reply,
  repliedByName: r.repliedByName,
  repliedAt: r.repliedAt,
});

/** Every unit of the year beside its signature (if any). */
export function presentSignatures(
  units: readonly { id: string; name: string }[],
  signatures: readonly SignatureRow[],
): TCovenantSignature[] {
  return units.map((u) => {
    const s = signatures.find((x) => x.unitId === u.id);
    return {
      unitId: u.id,
      unitName: u.name,
      signed: Boolean(s),
      signerName: s?.signerName ?? null,
      signedAt: s?.signedAt ?? null,
      textHash: s?.textHash ?? null,
      version: s?.version ?? null,
    };
  });
}
