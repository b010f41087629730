/**
 * "Tờ trình đề nghị khen thưởng" (.docx, Decree 30 layout) from the bloc to the city's Emulation and
 * Commendation Council: the lines it proposes, and its annexes after the signature (the score summary and
 * the minutes' body); the full results summary and the signed minutes travel as files in the dossier.
 */
import { formatVnDate } from '../../domain/time';
import type { DocMeta } from './doc-meta';
import { renderOfficialDocument, type Block, type OfficialDocument } from './docx/official';
import { rankingTable, type RankingRow } from './minutes-docx';

export const PROPOSAL_DOC_SYMBOL = '/TTr-KTĐ';
export const COUNCIL = 'Hội đồng Thi đua - Khen thưởng thành phố';

export interface ProposalDocInput {
  meta: DocMeta;
  year: number;
  blocName: string;
  /** "25/TTr-KTĐ" once sent; null leaves the number for the clerk. */
  docNumber: string | null;
  /** yyyy-MM-dd once sent. */
  sentOn: string | null;
  /** When the results were published and when the conference met (the grounds of the letter). */
  publishedAt: string | null;
  conferenceAt: string | null;
  lines: {
    unitName: string;
    awardName: string;
    rank: number | null;
    scoreText: string | null;
    vote: string;
  }[];
  ranking: RankingRow[];
  /** The minutes' body (Annex 2); the signed minutes travel in the dossier. */
  minutes: Block[];
}

/** The document model; `renderOfficialDocument` lays it out. */
export function proposalDocument(p: ProposalDocInput): OfficialDocument {
  const awards = [...new Set(p.lines.map((l) => l.awardName))];
  const blocks: Block[] = [
    { kind: 'paragraph', text: `Kính gửi: ${COUNCIL}.`, align: 'center', bold: true },
    {
      kind: 'paragraph',
      text: `Căn cứ kết quả chấm điểm thi đua năm ${p.year} của ${p.blocName}${p.publishedAt ? ` được công bố ngày ${formatVnDate(p.publishedAt)}` : ''};`,
    },
    {
      kind: 'paragraph',
      text: `Căn cứ kết quả họp bình xét và bỏ phiếu kín tại Hội nghị tổng kết${p.conferenceAt ? ` ngày ${formatVnDate(p.conferenceAt)}` : ''},`,
    },
    {
      kind: 'paragraph',
      text: `${p.blocName} kính trình ${COUNCIL} xem xét, đề nghị khen thưởng ${awards.join(', ') || 'các hình thức'} năm ${p.year} cho ${p.lines.length} tập thể như sau:`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 8, align: 'center' },
        { header: 'Đơn vị', width: 36 },
        { header: 'Hình thức khen thưởng', width: 24 },
        { header: 'Điểm', width: 11, align: 'center' },
        { header: 'Xếp hạng', width: 10, align: 'center' },
        { header: 'Bỏ phiếu', width: 11, align: 'center' },
      ],
      rows: p.lines.map((l, i) => [
        String(i + 1),
        l.unitName,
        l.awardName,
        l.scoreText ?? '—',
        l.rank ? String(l.rank) : '—',
        l.vote,
      ]),
    },
    { kind: 'paragraph', text: 'Hồ sơ kèm theo:' },
    {
      kind: 'bullets',
      items: [
        `Phụ lục 1: Bảng tổng hợp kết quả chấm điểm thi đua năm ${p.year};`,
        'Phụ lục 2: Biên bản họp bình xét thi đua, khen thưởng;',
        'Báo cáo tổng kết công tác thi đua, khen thưởng của các đơn vị.',
      ],
    },
    {
      kind: 'paragraph',
      text: `${p.blocName} kính trình ${COUNCIL} xem xét, quyết định./.`,
    },
  ];
  return {
    governingBody: p.meta.governingBody,
    issuingBody: p.meta.issuingBody,
    docNumber: p.docNumber ?? PROPOSAL_DOC_SYMBOL,
    place: p.meta.place,
    date: p.sentOn ? new Date(`${p.sentOn}T12:00:00+07:00`) : null,
    docType: 'TỜ TRÌNH',
    subject: `Về việc đề nghị khen thưởng năm ${p.year}\ncho các tập thể thuộc ${p.blocName}`,
    blocks,
    signer: p.meta.signer,
    recipients: ['Như trên', 'Ban Thi đua - Khen thưởng thành phố', 'Các đơn vị trong Khối', 'Lưu: VT'],
    annexes: [
      {
        label: 'Phụ lục 1',
        title: `BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM ${p.year}\n${p.blocName}`,
        blocks: [rankingTable(p.ranking)],
      },
      {
        label: 'Phụ lục 2',
        title: `BIÊN BẢN HỌP BÌNH XÉT THI ĐUA, KHEN THƯỞNG NĂM ${p.year}\n(trích nội dung)`,
        blocks: p.minutes,
      },
    ],
  };
}

export const proposalDocx = (p: ProposalDocInput): Promise<Buffer> =>
  renderOfficialDocument(proposalDocument(p));
