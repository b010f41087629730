/**
 * Who may do what, as pure rules over the caller's account role and their unit's role in the bloc-year.
 * The server checks them at the start of each service function; answers carry the caller's permissions
 * (`can`), so that the web app renders from the server's decision and holds no copy of a rule.
 *
 * Offices work this way: in the head unit the officer (secretariat) prepares, and what speaks for the
 * head unit in public — publishing the plan, closing a round, reopening a unit, publishing results — is
 * done by its leader, or asked of the leader by the officer. A unit is never reopened by its own people
 * (the head's own unit needs the deputy's leader or the city board), and once the results were shown a
 * reopening needs the city board.
 */
import type { UnitYearRole } from './org';

export type AccountRole = 'admin' | 'board' | 'officer' | 'leader';

/** The caller seen from one bloc-year. */
export interface Subject {
  role: AccountRole;
  unitId: string | null;
  /** The unit's role in the year; null when the caller is not a member unit's officer or leader. */
  yearRole: UnitYearRole | null;
}

/** May do it now ('direct'), may ask the one who decides ('request'), or neither. */
export type Power = 'direct' | 'request' | 'none';

/** Who decides a request. */
export type Approver = 'head-leader' | 'deputy-or-board' | 'board';

export const isUnitUser = (s: Pick<Subject, 'role'>): boolean => s.role === 'officer' || s.role === 'leader';
const headLeader = (s: Subject) => s.yearRole === 'head' && s.role === 'leader';
const headPerson = (s: Subject) => s.yearRole === 'head' && isUnitUser(s);

/** What speaks for the head unit in public: its leader does it; its officer asks the leader. */
export function headPublicAct(s: Subject): Power {
  if (headLeader(s)) return 'direct';
  return s.yearRole === 'head' && s.role === 'officer' ? 'request' : 'none';
}

/** The head unit's preparation work (drafting the plan and criteria, opening a round, urging). */
export const prepares = (s: Subject): boolean => headPerson(s);

export interface ReopenFacts {
  headUnitId: string | null;
  /** When the head first read the round's results after close. */
  resultsShownAt: string | null;
}

/** Who must decide a reopening of a unit: the city board once results were shown; the deputy or the board for the head's own unit. */
export function reopenApprover(r: ReopenFacts, unitId: string): Approver {
  if (r.resultsShownAt) return 'board';
  return unitId === r.headUnitId ? 'deputy-or-board' : 'head-leader';
}

/** Whether someone may decide a request: never about their own unit. */
export function mayDecide(s: Subject, approver: Approver, unitId: string | null): boolean {
  if (unitId !== null && s.unitId === unitId) return false;
  switch (approver) {
    case 'head-leader':
      return headLeader(s);
    case 'deputy-or-board':
      return (s.yearRole === 'deputy' && s.role === 'leader') || s.role === 'board';
    case 'board':
      return s.role === 'board';
  }
}

/** Reopening one unit of a closed round: done by who may decide it, asked for by the head's people. */
export function reopenPower(s: Subject, r: ReopenFacts, unitId: string): Power {
  const approver = reopenApprover(r, unitId);
  // The board decides requests; it does not start reopenings of its own.
  if (s.role !== 'board' && mayDecide(s, approver, unitId)) return 'direct';
  return headPerson(s) ? 'request' : 'none';
}

export interface RoundFacts extends ReopenFacts {
  status: 'open' | 'closed' | 'published';
  /** The units of the round (fixed when it opened): results and sheets follow them, not today's year. */
  memberUnitIds: readonly string[];
  officerMaySubmit: boolean;
}

export interface RoundCan {
  /** Write the caller's unit's sheets (the round's window decides when). */
  score: boolean;
  /** Submit them: the leader (the unit's signature), or the officer when the round allows it. */
  submit: boolean;
  /** Who submitted what, never scores: head, deputy, board. */
  progress: boolean;
  /** Scores and ranking: the head after close (to check); members of the round and the board after publication. */
  results: boolean;
  close: Power;
  /** The strongest power over any unit of the round (the server decides each unit). */
  reopen: Power;
  publish: Power;
}

const strongest = (powers: Power[]): Power =>
  powers.includes('direct') ? 'direct' : powers.includes('request') ? 'request' : 'none';

/** The caller's permissions on a round. */
export function roundCan(s: Subject, r: RoundFacts): RoundCan {
  const member = isUnitUser(s) && s.unitId !== null && r.memberUnitIds.includes(s.unitId);
  return {
    score: member && r.status !== 'published',
    submit: member && (s.role === 'leader' || r.officerMaySubmit),
    progress: s.yearRole === 'head' || s.yearRole === 'deputy' || s.role === 'board',
    results:
      (r.status !== 'open' && s.yearRole === 'head') ||
      (r.status === 'published' && (member || s.role === 'board')),
    close: r.status === 'open' ? headPublicAct(s) : 'none',
    reopen: r.status === 'closed' ? strongest(r.memberUnitIds.map((u) => reopenPower(s, r, u))) : 'none',
    publish: r.status === 'closed' ? headPublicAct(s) : 'none',
  };
}

/** What an account may do anywhere, whatever its unit's role (the administrator's and the board's work). */
export interface AccountCan {
  /** Blocs, units, years, accounts, imports. */
  manageOrg: boolean;
  /** Read every bloc-year and the organisation's lists. */
  readOrg: boolean;
  /** The audit log and the e-mail outbox. */
  readAudit: boolean;
  /** Approvals may wait for this account (a leader decides for its unit; the board for the city). */
  decideApprovals: boolean;
  /** The city's catalogue of titles and awards (the board edits it for every bloc). */
  editCatalogue: boolean;
  /** Searching every bloc's decided awards and exporting them (the board). */
  searchAwards: boolean;
  /** Switching a bloc's public results page on or off (the board). */
  switchPublicResults: boolean;
}

export function accountCan(s: Pick<Subject, 'role'>): AccountCan {
  return {
    manageOrg: s.role === 'admin',
    readOrg: s.role === 'admin' || s.role === 'board',
    readAudit: s.role === 'admin',
    decideApprovals: s.role === 'leader' || s.role === 'board',
    editCatalogue: s.role === 'board',
    searchAwards: s.role === 'board',
    switchPublicResults: s.role === 'board',
  };
}

/** What the caller may do in a bloc-year: the basis of every plan, criteria and round rule. */
export interface YearCan {
  /** The year itself: its criteria, its published plan and documents, its rounds' list. */
  read: boolean;
  /** The head unit's preparation: criteria, opening rounds, the plan's draft, checking off tasks, next year's plan. */
  prepare: boolean;
  /** Publishing the plan (in the head unit's leader's name). */
  publishPlan: Power;
  /** The plan's working copy and its warnings: those who run the year. */
  readPlanDraft: boolean;
  /** The progress board of every unit's tasks, and round progress: those who run the year, and the board. */
  readBoard: boolean;
  /** Urging late units: the head and the deputy. */
  urge: boolean;
  /** The caller's unit's own tasks, reports and calendar. */
  ownTasks: boolean;
  /** The year's approval requests (head, deputy, board). */
  readApprovals: boolean;
  /** Sending the unit's title registration: its leader (the officer drafts it under ownTasks). */
  submitRegistration: boolean;
  /** The covenant: drafting it, opening comments, answering them (the head unit's people). */
  draftCovenant: boolean;
  /** Publishing its final text, in the head unit's leader's name. */
  publishCovenant: boolean;
  /** Commenting on the draft (the other units' officers and leaders; the window decides when). */
  commentCovenant: boolean;
  /** Signing it for the caller's unit: each unit's leader. */
  signCovenant: boolean;
  /** Creating, editing and cancelling events, recording attendance, attaching the minutes (the head). */
  manageEvents: boolean;
  /** Publishing the caller's unit's exemplary models (a member unit's officer or leader). */
  publishExemplars: boolean;
  /** Marking exemplary models to present at the year-end conference (the head). */
  markExemplars: boolean;
  /** The year's award rules, drafting the nominations and changing a line with a reason (the head). */
  nominate: boolean;
  /** The nomination lines, their reasons and every change to them: member units' people and the board. */
  readNominations: boolean;
  /** The proposal to the Council, its minutes and letter: the year's members and the board. */
  readProposal: boolean;
  /** Preparing the proposal's documents and the dossier (the head unit's people). */
  prepareProposal: boolean;
  /** Recording that the proposal was sent, with its number and date (the head unit's leader). */
  sendProposal: boolean;
  /** The whole dossier, with every unit's year-end report: those who run the year, and the board. */
  readDossier: boolean;
  /** Recording the Council's decision on each line (the city board). */
  recordDecision: boolean;
}

export function yearCan(s: Subject): YearCan {
  const runs = s.yearRole === 'head' || s.yearRole === 'deputy';
  return {
    read: s.yearRole !== null || s.role === 'board' || s.role === 'admin',
    prepare: prepares(s),
    publishPlan: headPublicAct(s),
    readPlanDraft: runs,
    readBoard: runs || s.role === 'board',
    urge: runs,
    ownTasks: isUnitUser(s) && s.yearRole !== null,
    readApprovals: runs || s.role === 'board',
    submitRegistration: s.role === 'leader' && s.yearRole !== null,
    draftCovenant: prepares(s),
    publishCovenant: headLeader(s),
    commentCovenant: isUnitUser(s) && s.yearRole !== null && s.yearRole !== 'head',
    signCovenant: s.role === 'leader' && s.yearRole !== null,
    manageEvents: prepares(s),
    publishExemplars: isUnitUser(s) && s.yearRole !== null,
    markExemplars: prepares(s),
    nominate: prepares(s),
    readNominations: (isUnitUser(s) && s.yearRole !== null) || s.role === 'board',
    readProposal: s.yearRole !== null || s.role === 'board',
    prepareProposal: prepares(s),
    sendProposal: headLeader(s),
    readDossier: runs || s.role === 'board',
    recordDecision: s.role === 'board',
  };
}

/**
 * A unit's award history: its own people, the people of a unit that headed one of its blocs (`headedItsBloc`,
 * loaded by the server), and the board.
 */
export const readsUnitAwards = (
  s: Pick<Subject, 'role' | 'unitId'>,
  unitId: string,
  headedItsBloc: boolean,
): boolean => s.role === 'board' || (isUnitUser(s) && (s.unitId === unitId || headedItsBloc));

/** An exemplary model is edited by the people of the unit that published it. */
export const editsExemplar = (s: Subject, unitId: string): boolean =>
  isUnitUser(s) && s.yearRole !== null && s.unitId === unitId;

/** A unit's report: its own people, those who run the year, the board. */
export const readsReport = (s: Subject, unitId: string): boolean =>
  (isUnitUser(s) && s.unitId === unitId) ||
  s.yearRole === 'head' ||
  s.yearRole === 'deputy' ||
  s.role === 'board';
