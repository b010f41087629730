/**
 * "Biên bản họp bình xét" (.docx, Decree 30 layout): the year-end conference's time, place and attendance,
 * the published ranking, each closed ballot's tally and outcome, the nominations with their reasons and the
 * head's changes; signed by the secretary and the chair (the head unit's leader).
 */
import { formatVnDateTime } from '../../domain/time';
import type { DocMeta } from './doc-meta';
import { renderOfficialDocument, type Block, type OfficialDocument } from './docx/official';

export interface RankingRow {
  unitName: string;
  scoreText: string | null;
  rank: number | null;
}

export interface MinutesInput {
  meta: DocMeta;
  year: number;
  blocName: string;
  conference: {
    title: string;
    startsAt: string;
    location: string;
    units: { name: string; attendance: 'present' | 'absent' | null }[];
  } | null;
  ranking: RankingRow[];
  /** Closed ballots: each question's counts (by option label) and outcome label; never a paper. */
  ballots: {
    title: string;
    voted: number;
    electorate: number;
    quorumReached: boolean;
    rulesText: string;
    questions: { label: string; counts: { label: string; votes: number }[]; outcome: string }[];
  }[];
  nominations: {
    unitName: string;
    awardName: string;
    rank: number | null;
    reason: string;
    standing: string;
    change: string | null;
  }[];
  secretaryName: string;
}

const attendanceText = { present: 'Có mặt', absent: 'Vắng mặt' } as const;

export const rankingTable = (rows: readonly RankingRow[]): Block => ({
  kind: 'table',
  columns: [
    { header: 'STT', width: 8, align: 'center' },
    { header: 'Đơn vị', width: 56 },
    { header: 'Điểm', width: 18, align: 'center' },
    { header: 'Xếp hạng', width: 18, align: 'center' },
  ],
  rows: rows.map((r, i) => [String(i + 1), r.unitName, r.scoreText ?? '—', r.rank ? String(r.rank) : '—']),
});

function meetingBlocks(m: MinutesInput): Block[] {
  const c = m.conference;
  if (!c) {
    return [
      { kind: 'heading', level: 1, text: 'I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN' },
      {
        kind: 'paragraph',
        text: 'Chưa ghi nhận Hội nghị tổng kết năm trong ThiĐua (thời gian, địa điểm: ……).',
      },
    ];
  }
  const present = c.units.filter((u) => u.attendance === 'present').length;
  return [
    { kind: 'heading', level: 1, text: 'I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN' },
    { kind: 'paragraph', text: `Thời gian: ${formatVnDateTime(c.startsAt)} (giờ Việt Nam).` },
    { kind: 'paragraph', text: `Địa điểm: ${c.location}.` },
    {
      kind: 'paragraph',
      text: `Thành phần: đại diện ${present}/${c.units.length} đơn vị thành viên của Khối có mặt tại ${c.title}.`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 8, align: 'center' },
        { header: 'Đơn vị', width: 66 },
        { header: 'Tham dự', width: 26, align: 'center' },
      ],
      rows: c.units.map((u, i) => [
        String(i + 1),
        u.name,
        u.attendance ? attendanceText[u.attendance] : 'Chưa ghi nhận',
      ]),
    },
  ];
}

function ballotBlocks(m: MinutesInput): Block[] {
  if (!m.ballots.length) return [{ kind: 'paragraph', text: 'Không tổ chức bỏ phiếu kín.' }];
  return m.ballots.flatMap((b, i): Block[] => [
    { kind: 'heading', level: 3, text: `2.${i + 1}. ${b.title}` },
    {
      kind: 'paragraph',
      text: `Số đơn vị bỏ phiếu: ${b.voted}/${b.electorate}; ${b.quorumReached ? 'đủ' : 'không đủ'} tỷ lệ hợp lệ. ${b.rulesText}`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'Nội dung', width: 44 },
        { header: 'Số phiếu', width: 34 },
        { header: 'Kết quả', width: 22, align: 'center' },
      ],
      rows: b.questions.map((q) => [
        q.label,
        q.counts.map((c) => `${c.label}: ${c.votes}`).join('; '),
        { text: q.outcome, bold: true },
      ]),
    },
  ]);
}

function nominationBlocks(m: MinutesInput): Block[] {
  if (!m.nominations.length) return [{ kind: 'paragraph', text: 'Chưa có danh sách đề nghị khen thưởng.' }];
  const changes = m.nominations.filter((n) => n.change);
  return [
    {
      kind: 'table',
      fontSize: 12,
      columns: [
        { header: 'STT', width: 7, align: 'center' },
        { header: 'Đơn vị', width: 27 },
        { header: 'Hình thức khen thưởng', width: 22 },
        { header: 'Lý do đề nghị', width: 28 },
        { header: 'Kết quả bình xét', width: 16, align: 'center' },
      ],
      rows: m.nominations.map((n, i) => [String(i + 1), n.unitName, n.awardName, n.reason, n.standing]),
    },
    ...(changes.length
      ? [
          {
            kind: 'paragraph',
            text: 'Các thay đổi của Trưởng khối so với danh sách do hệ thống dự kiến:',
          } as Block,
          {
            kind: 'bullets',
            items: changes.map((n) => `${n.unitName} - ${n.awardName}: ${n.change}`),
          } as Block,
        ]
      : []),
  ];
}

/** The document model; `renderOfficialDocument` lays it out. */
export function minutesDocument(m: MinutesInput): OfficialDocument {
  const blocks: Block[] = [
    ...meetingBlocks(m),
    { kind: 'heading', level: 1, text: 'II. NỘI DUNG' },
    { kind: 'heading', level: 2, text: `1. Kết quả chấm điểm thi đua năm ${m.year}` },
    rankingTable(m.ranking),
    { kind: 'heading', level: 2, text: '2. Kết quả bỏ phiếu kín' },
    ...ballotBlocks(m),
    { kind: 'heading', level: 2, text: '3. Danh sách đề nghị khen thưởng' },
    ...nominationBlocks(m),
    {
      kind: 'paragraph',
      text: 'Biên bản được lập và thông qua tại hội nghị; các đơn vị thành viên thống nhất với nội dung trên.',
    },
  ];
  return {
    governingBody: m.meta.governingBody,
    issuingBody: m.meta.issuingBody,
    docNumber: null,
    place: m.meta.place,
    date: m.conference ? new Date(m.conference.startsAt) : null,
    docType: 'BIÊN BẢN',
    subject: `Họp bình xét thi đua, khen thưởng năm ${m.year}\n${m.blocName}`,
    blocks,
    signer: m.meta.signer,
    recipients: [],
    signers: [
      { title: 'THƯ KÝ', name: m.secretaryName },
      { title: 'CHỦ TRÌ', name: m.meta.signer.name },
    ],
  };
}

export const minutesDocx = (m: MinutesInput): Promise<Buffer> => renderOfficialDocument(minutesDocument(m));
