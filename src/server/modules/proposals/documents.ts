import { APPROVE, REJECT } from '../../../domain/ballots';
import type { LineStanding } from '../../../domain/proposals';
import { shareLabels, type TBallotTally } from '../../../shared/ballots';
import { allow, yearAccess, type YearAccess } from '../../access';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { minutesDocument, minutesDocx, type MinutesInput } from '../../documents/minutes-docx';
import { proposalDocx } from '../../documents/proposal-docx';
import { conflict } from '../../errors';
import type { FileOut } from '../../http';
import { documentMeta } from '../scoring/document-meta';
import { createUsersRepository } from '../org/users-repository';
import { publishedRanking, type YearRanking } from './ranking';
import { createProposalRepository } from './repository';
import { whyProposal } from './service';
import { loadProposalState, proposedLines, type ProposalState } from './state';

export const standingLabels: Record<LineStanding, string> = {
  proposed: 'Đề nghị',
  excluded: 'Không đề nghị',
  'vote-pending': 'Chờ bỏ phiếu',
  'vote-failed': 'Không được thông qua',
};

const notPublished = () =>
  conflict('Trưởng khối chưa công bố kết quả chấm điểm cuối năm; chưa lập được biên bản và tờ trình.');

/** The year, the published ranking and the proposal's lines, for a caller who may read the proposal. */
export async function loadDocumentFacts(db: Executor, yearId: string, ctx: Ctx) {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.readProposal, whyProposal.read);
  const ranking = await publishedRanking(db, yearId);
  if (!ranking) throw notPublished();
  return { access, ranking, state: await loadProposalState(db, yearId) };
}

function changeText(l: ProposalState['lines'][number]): string | null {
  if (!l.changeReason) return null;
  const what =
    l.origin === 'head'
      ? 'Trưởng khối bổ sung'
      : l.included
        ? 'Trưởng khối điều chỉnh'
        : 'Trưởng khối đưa ra khỏi danh sách';
  return `${what}, lý do: ${l.changeReason}`;
}

/** Each closed ballot's published counts and outcome, with names for the election's candidates. */
async function ballotsOf(db: Executor, yearId: string): Promise<MinutesInput['ballots']> {
  const repo = createProposalRepository(db);
  const ballots = await repo.closedBallots(yearId);
  const published = ballots.map((b) => JSON.parse(b.resultJson ?? '{"questions":[]}') as TBallotTally);
  const ids = published.flatMap((t) => t.questions.flatMap((q) => q.counts.map((c) => c.option)));
  const names = await repo.unitNames([...new Set(ids)].filter((x) => x !== APPROVE && x !== REJECT));
  const option = (v: string) =>
    v === APPROVE ? 'Đồng ý' : v === REJECT ? 'Không đồng ý' : (names.get(v) ?? v);
  return ballots.map((b, i) => {
    const t = published[i]!;
    const outcome = (v: string | null) =>
      v === null
        ? b.kind === 'election'
          ? 'Không bầu được'
          : 'Không đủ tỷ lệ'
        : v === APPROVE
          ? 'Thông qua'
          : v === REJECT
            ? 'Không thông qua'
            : `Trúng cử: ${option(v)}`;
    return {
      title: b.title,
      voted: t.voted ?? 0,
      electorate: t.electorate ?? 0,
      quorumReached: t.quorumReached ?? false,
      rulesText: `Tỷ lệ hợp lệ: ${shareLabels[b.quorum as keyof typeof shareLabels].toLowerCase()}; tỷ lệ thông qua: ${shareLabels[b.threshold as keyof typeof shareLabels].toLowerCase()}.`,
      questions: b.questions.map((q) => {
        const r = t.questions.find((x) => x.questionId === q.id);
        return {
          label: q.label,
          counts: (r?.counts ?? []).map((c) => ({ label: option(c.option), votes: c.votes })),
          outcome: outcome(r?.outcome ?? null),
        };
      }),
    };
  });
}

const slug = (year: number) => `năm ${year}`;

type Facts = { access: YearAccess; ranking: YearRanking; state: ProposalState };

/** What the minutes say: the conference, the ranking, the ballots, the nominations, the signers. */
async function minutesInput(db: Executor, f: Facts): Promise<MinutesInput> {
  const repo = createProposalRepository(db);
  const meta = await documentMeta(db, f.access);
  const conference = await repo.conference(f.access.yearId);
  return {
    meta,
    year: f.access.year,
    blocName: f.access.blocName,
    conference: conference && {
      title: conference.title,
      startsAt: conference.startsAt,
      location: conference.location,
      units: conference.units.map((u) => ({ name: u.name, attendance: u.attendance })),
    },
    ranking: f.ranking.rows,
    ballots: await ballotsOf(db, f.access.yearId),
    nominations: f.state.lines.map((l) => ({
      unitName: l.unitName,
      awardName: l.awardName,
      rank: l.rank,
      reason: l.reason,
      standing: standingLabels[l.standing],
      change: changeText(l),
    })),
    secretaryName: f.access.headUnitId
      ? await createUsersRepository(db).personOf(f.access.headUnitId, 'officer')
      : '',
  };
}

/** "Biên bản họp bình xét" of the year (.docx). */
export async function minutesFile(db: Executor, f: Facts): Promise<FileOut> {
  const data = await minutesDocx(await minutesInput(db, f));
  return { data, filename: `Biên bản họp bình xét ${slug(f.access.year)}.docx`, kind: 'docx' };
}

/** "Tờ trình đề nghị khen thưởng" of the year (.docx), with its number and date once sent. */
export async function proposalFile(db: Executor, f: Facts): Promise<FileOut> {
  const conference = await createProposalRepository(db).conference(f.access.yearId);
  const data = await proposalDocx({
    meta: await documentMeta(db, f.access),
    year: f.access.year,
    blocName: f.access.blocName,
    docNumber: f.state.row?.docNumber ?? null,
    sentOn: f.state.row?.sentOn ?? null,
    publishedAt: f.ranking.publishedAt,
    conferenceAt: conference?.startsAt ?? null,
    lines: proposedLines(f.state).map((l) => ({
      unitName: l.unitName,
      awardName: l.awardName,
      rank: l.rank,
      scoreText: l.scoreText,
      vote: l.vote === 'passed' ? 'Thông qua' : '—',
    })),
    ranking: f.ranking.rows,
    minutes: minutesDocument(await minutesInput(db, f)).blocks,
  });
  return { data, filename: `Tờ trình đề nghị khen thưởng ${slug(f.access.year)}.docx`, kind: 'docx' };
}

/** The minutes or the letter: for whoever may read the year's proposal, once the results are published. */
export async function proposalDocument(
  db: Executor,
  yearId: string,
  which: 'minutes' | 'letter',
  ctx: Ctx,
): Promise<FileOut> {
  const facts = await loadDocumentFacts(db, yearId, ctx);
  return which === 'minutes' ? minutesFile(db, facts) : proposalFile(db, facts);
}
