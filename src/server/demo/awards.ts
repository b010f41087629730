/**
 * The demo's awards for its finished year, through the services, each step at the moment it would have
 * happened: once the results are published the head drafts the nomination lines from the year's default
 * rules and adds one line with a written reason; the approval ballot is made from the lines (yearEnd); after
 * the year-end conference the head's leader sends the proposal to the Council, and in January the city
 * board records the Council's decision on each line (all approved but one) with the decision's file.
 */
import type { TBallot } from '../../shared/ballots';
import { atInstant as at } from '../clock';
import type { Tx } from '../db/schema';
import { renderOfficialDocument } from '../documents/docx/official';
import { addNomination, ballotFromNominations, draftYearNominations } from '../modules/nominations/service';
import { attachDecisionFile, recordDecision, sendProposal } from '../modules/proposals/service';
import { unitsRegisteredFor } from '../modules/registrations/review-service';
import type { FileStore } from '../storage/file-store';
import { demoBloc, demoYear } from './data';
import type { DemoPeople } from './life';

const Y = demoYear;

/** The title the head adds a line for: registered by units the default rules (awards with a quota) skip. */
const ADDED_AWARD = 'tap-the-ldxs';

/**
 * The Council's decisions on the proposal, recorded by the board in January. As the Law on Emulation and
 * Commendation has it, the city's People's Committee awards its emulation flags (signed on its behalf by the
 * Chairman) and the Chairman awards his certificates of merit and the collective titles: two decisions.
 */
export const demoCouncilDecision = {
  proposalNumber: '15/TTr-KTĐ',
  sentOn: `${Y}-12-27`,
  /** The city board's own submission to the Chairman, citing the bloc's. */
  boardLetter: { number: '08/TTr-BTĐKT', date: `${Y + 1}-01-10` },
  committee: { number: '156/QĐ-UBND', authority: 'TM. ỦY BAN NHÂN DÂN', awardCodes: ['co-thi-dua'] },
  chairman: { number: '157/QĐ-UBND', authority: null, awardCodes: [] as string[] },
  decisionDate: `${Y + 1}-01-15`,
  /** Why the Council did not approve the proposal's last "Bằng khen" line. */
  rejectedNote:
    'Hồ sơ chưa có báo cáo thành tích được cơ quan cấp trên trực tiếp xác nhận; Khối hoàn thiện hồ sơ và đề nghị lại trong đợt xét sau.',
};

/** The decision that rules on a line of `awardCode`. */
export const decisionFor = (awardCode: string) =>
  demoCouncilDecision.committee.awardCodes.includes(awardCode)
    ? demoCouncilDecision.committee
    : demoCouncilDecision.chairman;

/**
 * December 20th, after the results are published: the head's officer drafts the lines from the default
 * rules; its leader adds the best-ranked unit left out that registered "Tập thể lao động xuất sắc".
 */
export async function nominate(tx: Tx, yearId: string, people: DemoPeople): Promise<void> {
  const drafted = await at(`${Y}-12-20T07:00:00Z`, () =>
    draftYearNominations(tx, yearId, people.headOfficer),
  );
  const registered = new Set(await unitsRegisteredFor(tx, yearId, ADDED_AWARD));
  const award = drafted.awards.find((a) => a.awardCode === ADDED_AWARD);
  const unit = [...drafted.notProposed]
    .filter((u) => u.rank !== null && registered.has(u.unitId))
    .sort((a, b) => a.rank! - b.rank!)[0];
  if (!award || !unit) return;
  await at(`${Y}-12-20T09:30:00Z`, () =>
    addNomination(
      tx,
      yearId,
      {
        unitId: unit.unitId,
        awardCode: award.awardCode,
        awardName: award.awardName,
        reason: `Đơn vị đã đăng ký danh hiệu ${award.awardName}, hoàn thành xuất sắc nhiệm vụ năm ${Y}; lãnh đạo Trưởng khối và Phó khối thống nhất đề nghị.`,
      },
      people.headLeader,
    ),
  );
}

/** The approval ballot made from the lines (a draft, opened and voted on by yearEnd). */
export const ballotFromLines =
  (tx: Tx, yearId: string, people: DemoPeople, times: { opensAt: string; closesAt: string }) =>
  (): Promise<TBallot> =>
    ballotFromNominations(
      tx,
      yearId,
      {
        title: `Bình xét đề nghị khen thưởng năm ${Y}`,
        quorum: 'two-thirds',
        threshold: 'more-than-half',
        ...times,
      },
      people.headOfficer,
    );

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** A decision as the board attaches it: a short "Quyết định" of the city's People's Committee or its Chairman. */
function decisionDocx(
  decision: ReturnType<typeof decisionFor>,
  lines: readonly { awardName: string; unitName: string }[],
): Promise<Buffer> {
  const d = demoCouncilDecision;
  return renderOfficialDocument({
    governingBody: '',
    issuingBody: `ỦY BAN NHÂN DÂN\n${demoBloc.governingBody.replace(/^UBND /, '')}`,
    docNumber: decision.number,
    place: demoBloc.place,
    date: new Date(`${d.decisionDate}T02:00:00Z`),
    docType: 'QUYẾT ĐỊNH',
    subject: `Về việc khen thưởng các tập thể đã có thành tích xuất sắc\ntrong phong trào thi đua năm ${Y}`,
    blocks: [
      {
        kind: 'paragraph',
        text: `Xét đề nghị của ${demoBloc.name} tại Tờ trình số ${d.proposalNumber} ngày ${dmy(d.sentOn)} và của Trưởng Ban Thi đua - Khen thưởng thành phố tại Tờ trình số ${d.boardLetter.number} ngày ${dmy(d.boardLetter.date)},`,
      },
      { kind: 'heading', level: 1, text: 'QUYẾT ĐỊNH:' },
      { kind: 'paragraph', text: 'Điều 1. Khen thưởng các tập thể sau:' },
      { kind: 'bullets', items: lines.map((l) => `${l.awardName}: ${l.unitName}.`) },
      { kind: 'paragraph', text: 'Điều 2. Quyết định có hiệu lực kể từ ngày ký.' },
    ],
    signer: { authority: decision.authority, title: 'CHỦ TỊCH', name: '' },
    recipients: ['Như Điều 1', 'Ban Thi đua - Khen thưởng thành phố', 'Lưu: VT'],
  });
}

/**
 * After the conference the head's leader records the proposal as sent; on January 17th the board records
 * the Council's decisions of the 15th on each line (the last "Bằng khen" line not approved) and attaches
 * each decision to the approved lines it rules on.
 */
export async function proposeAndDecide(
  tx: Tx,
  yearId: string,
  people: DemoPeople,
  files: FileStore,
): Promise<void> {
  const d = demoCouncilDecision;
  const sent = await at(`${Y}-12-27T03:00:00Z`, () =>
    sendProposal(tx, yearId, { docNumber: d.proposalNumber, sentOn: d.sentOn }, people.headLeader),
  );
  const proposed = sent.lines.filter((l) => l.standing === 'proposed');
  const rejected = proposed.filter((l) => l.awardCode === 'bang-khen').at(-1);
  const approved = proposed.filter((l) => l !== rejected);
  await at(`${Y + 1}-01-17T02:00:00Z`, async () => {
    for (const l of proposed) {
      await recordDecision(
        tx,
        l.id,
        {
          decision: l === rejected ? 'rejected' : 'approved',
          decisionNumber: decisionFor(l.awardCode).number,
          decisionDate: d.decisionDate,
          ...(l === rejected ? { note: d.rejectedNote } : {}),
        },
        people.board,
      );
    }
    for (const decision of [d.committee, d.chairman]) {
      const lines = approved.filter((l) => decisionFor(l.awardCode) === decision);
      if (!lines.length) continue;
      const data = await decisionDocx(decision, lines);
      const filename = `Quyết định ${decision.number.replaceAll('/', '-')} khen thưởng năm ${Y}.docx`;
      for (const l of lines) {
        await attachDecisionFile(tx, l.id, () => Promise.resolve({ data, filename }), files, people.board);
      }
    }
  });
}
