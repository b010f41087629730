import { MAX_CLIENT_INT, z } from './zod';

const ZText = (max: number) => z.string().trim().min(1).max(max);

/** The head's working copy: the text, its commitments and the comment window (days in Vietnam time). */
export const ZCovenantDraftSchema = z
  .object({
    title: ZText(300),
    body: ZText(20000),
    commitments: z.array(ZText(2000)).min(1).max(100),
    commentsFrom: z.iso.date().nullable().default(null),
    commentsUntil: z.iso.date().nullable().default(null),
    /** The revision the editor started from (0 for a new covenant). */
    revision: z.number().int().min(0).max(MAX_CLIENT_INT),
  })
  .refine((d) => (d.commentsFrom === null) === (d.commentsUntil === null), {
    path: ['commentsUntil'],
    message: 'cần cả ngày bắt đầu và ngày kết thúc của thời hạn góp ý',
  })
  .refine((d) => !d.commentsFrom || !d.commentsUntil || d.commentsFrom <= d.commentsUntil, {
    path: ['commentsUntil'],
    message: 'không được trước ngày bắt đầu góp ý',
  });
export type TCovenantDraft = z.input<typeof ZCovenantDraftSchema>;

export const ZCovenantCommentRequestSchema = z.object({ body: ZText(4000) });
export const ZCovenantReplySchema = z.object({ reply: ZText(4000) });
export const ZCovenantPublishSchema = z.object({ revision: z.number().int().min(0).max(MAX_CLIENT_INT) });
/** A leader signs the text whose SHA-256 they were shown. */
export const ZCovenantSignSchema = z.object({
  textHash: z.string().regex(/^[0-9a-f]{64}$/, 'Mã văn bản: phải là SHA-256 (64 ký tự hex)'),
});

export const windowStates = ['unset', 'not-yet', 'open', 'closed'] as const;

const ZPublishedSchema = z.object({
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  commitments: z.array(z.string()),
  /** SHA-256 (hex) of the canonical serialisation of title, body and commitments. */
  textHash: z.string(),
  publishedAt: z.string(),
  publishedByName: z.string().nullable(),
});

export const ZCovenantCommentSchema = z.object({
  id: z.string(),
  unitName: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
  reply: z.string().nullable(),
  repliedByName: z.string().nullable(),
  repliedAt: z.string().nullable(),
});
export type TCovenantComment = z.infer<typeof ZCovenantCommentSchema>;

/** Every unit of the year and its signature, if any. */
export const ZCovenantSignatureSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  signed: z.boolean(),
  signerName: z.string().nullable(),
  signedAt: z.string().nullable(),
  textHash: z.string().nullable(),
  version: z.number().int().nullable(),
});
export type TCovenantSignature = z.infer<typeof ZCovenantSignatureSchema>;

export const ZCovenantSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  commitments: z.array(z.string()),
  revision: z.number().int(),
  commentsFrom: z.string().nullable(),
  commentsUntil: z.string().nullable(),
  commentWindow: z.enum(windowStates),
  /** When the head opened the draft for comments (members were told). */
  commentsOpenedAt: z.string().nullable(),
  published: ZPublishedSchema.nullable(),
  allSignedAt: z.string().nullable(),
});
export type TCovenant = z.infer<typeof ZCovenantSchema>;

export const ZCovenantViewSchema = z.object({
  yearId: z.string(),
  year: z.number().int(),
  /** Null until the head starts it; members see it once comments opened or it was published. */
  covenant: ZCovenantSchema.nullable(),
  comments: z.array(ZCovenantCommentSchema),
  signatures: z.array(ZCovenantSignatureSchema),
  can: z.object({
    edit: z.boolean(),
    openComments: z.boolean(),
    comment: z.boolean(),
    reply: z.boolean(),
    publish: z.boolean(),
    sign: z.boolean(),
    download: z.boolean(),
  }),
});
export type TCovenantView = z.infer<typeof ZCovenantViewSchema>;
