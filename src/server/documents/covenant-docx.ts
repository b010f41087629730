/**
 * "Giao ước thi đua" (.docx, Decree 30 layout): the published text and its commitments, the signing record
 * (who signed for which unit, when, and the hash of the text they signed) and every unit's signer block.
 */
import { hashPrefix } from '../../domain/covenants';
import { formatVnDateTime } from '../../domain/time';
import type { DocMeta } from './doc-meta';
import { renderOfficialDocument, type Block, type OfficialDocument, type Signer } from './docx/official';

export interface CovenantDocInput {
  meta: Pick<DocMeta, 'governingBody' | 'issuingBody' | 'place'>;
  year: number;
  version: number;
  title: string;
  body: string;
  commitments: readonly string[];
  textHash: string;
  publishedAt: string;
  /** Every unit of the year, in the order they sign; signature fields null when not signed yet. */
  units: {
    name: string;
    signerName: string | null;
    signedAt: string | null;
    textHash: string | null;
  }[];
}

export const NOT_SIGNED = 'Chưa ký';

const paragraphsOf = (text: string): Block[] =>
  text
    .split(/\n+/)
    .filter((t) => t.trim())
    .map((t) => ({ kind: 'paragraph', text: t.trim() }));

/** The document model; `renderOfficialDocument` lays it out. */
export function covenantDocument(c: CovenantDocInput): OfficialDocument {
  const signedCount = c.units.filter((u) => u.signedAt).length;
  const blocks: Block[] = [
    ...paragraphsOf(c.body),
    { kind: 'heading', level: 1, text: 'NỘI DUNG CAM KẾT' },
    ...c.commitments.map((t, i): Block => ({ kind: 'paragraph', text: `${i + 1}. ${t}` })),
    { kind: 'heading', level: 1, text: 'BIÊN BẢN KÝ KẾT' },
    {
      kind: 'paragraph',
      text: `Văn bản ký kết: bản số ${c.version}, ban hành lúc ${formatVnDateTime(c.publishedAt)}; mã SHA-256: ${c.textHash}. Đã ký: ${signedCount}/${c.units.length} đơn vị.`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 8, align: 'center' },
        { header: 'Đơn vị', width: 34 },
        { header: 'Người ký', width: 22 },
        { header: 'Thời điểm ký', width: 18, align: 'center' },
        { header: 'Mã văn bản đã ký', width: 20, align: 'center' },
      ],
      rows: c.units.map((u, i) => [
        String(i + 1),
        u.name,
        u.signerName ?? NOT_SIGNED,
        u.signedAt ? formatVnDateTime(u.signedAt) : '',
        u.textHash ? hashPrefix(u.textHash) : '',
      ]),
    },
  ];
  const signers: Signer[] = c.units.map((u) => ({
    authority: `TM. ${u.name}`,
    title: 'Thủ trưởng đơn vị',
    name: u.signerName ?? '',
    note: u.signedAt ? `Đã ký trên ThiĐua lúc ${formatVnDateTime(u.signedAt)}` : NOT_SIGNED,
  }));
  return {
    governingBody: c.meta.governingBody,
    issuingBody: c.meta.issuingBody,
    docNumber: null,
    place: c.meta.place,
    date: new Date(c.publishedAt),
    docType: 'GIAO ƯỚC THI ĐUA',
    subject: c.title,
    blocks,
    signer: signers[0] ?? { title: '', name: '' },
    recipients: [],
    signers,
  };
}

export const covenantDocx = (c: CovenantDocInput): Promise<Buffer> =>
  renderOfficialDocument(covenantDocument(c));
