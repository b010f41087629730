import type { Kysely, Transaction } from 'kysely';

/** Table types. Columns are snake_case in the database, camelCase here (CamelCasePlugin). */
export interface BlocTable {
  id: string;
  kind: 'bloc' | 'cluster';
  name: string;
  shortName: string | null;
  description: string | null;
  governingBody: string | null;
  place: string | null;
  createdAt: string;
  /** 1 while the bloc's public results page is on (the board switches it off); migration 011. */
  publicResults: number;
}
export interface UnitTable {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  email: string | null;
  isSample: number;
  disabled: number;
  createdAt: string;
}
export interface YearTable {
  id: string;
  blocId: string;
  year: number;
  headUnitId: string | null;
  deputyUnitId: string | null;
  createdAt: string;
}
export interface MembershipTable {
  yearId: string;
  unitId: string;
}
export interface UserTable {
  id: string;
  login: string;
  fullName: string;
  email: string | null;
  passwordHash: string;
  role: 'admin' | 'board' | 'officer' | 'leader';
  unitId: string | null;
  disabled: number;
  mustChangePassword: number;
  isDemo: number;
  createdAt: string;
  updatedAt: string;
}
export interface SessionTable {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}
export interface AuditEventTable {
  id: string;
  at: string;
  actorUserId: string | null;
  actorUnitId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  requestId: string | null;
}
/** One failed sign-in (modules/auth/attempt-limiter.ts); login lower-cased, address the client IP. */
export interface SignInFailureTable {
  id: string;
  login: string;
  address: string;
  failedAt: string;
}
export interface SettingTable {
  key: string;
  value: string;
}

export interface CriteriaSetTable {
  id: string;
  yearId: string;
  version: number;
  status: 'draft' | 'locked';
  name: string;
  treeJson: string;
  isSample: number;
  createdAt: string;
  updatedAt: string;
  lockedAt: string | null;
}
export interface RoundTable {
  id: string;
  yearId: string;
  criteriaSetId: string;
  kind: 'year-end' | 'mid-year';
  title: string;
  deadlineAt: string;
  latePolicy: 'refuse' | 'accept-late';
  missingPolicy: 'wait-all' | 'mean-of-received';
  tieBreakersJson: string;
  officerMaySubmit: number;
  status: 'open' | 'closed' | 'published';
  openedAt: string;
  closedAt: string | null;
  publishedAt: string | null;
  /** When the head first read the results after close: later reopenings need the city board. */
  resultsShownAt: string | null;
}
export interface RoundMemberTable {
  roundId: string;
  unitId: string;
}
export interface SheetTable {
  id: string;
  roundId: string;
  scorerUnitId: string;
  scoredUnitId: string;
  draftJson: string;
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  submittedVersion: number;
  submittedAt: string | null;
  late: number;
  total: number | null;
  bonus: number | null;
  deduction: number | null;
  /** The last submission's node scores, in the locked tree's flatten order (JSON array). */
  byNodeJson: string | null;
}
export interface SheetVersionTable {
  id: string;
  sheetId: string;
  version: number;
  scoresJson: string;
  total: number;
  submittedAt: string;
  submittedBy: string;
  late: number;
}
export interface RoundReopeningTable {
  id: string;
  roundId: string;
  unitId: string;
  reason: string;
  untilAt: string;
  reopenedBy: string;
  reopenedAt: string;
  /** The approval that allowed it, when it was requested and approved (null: done directly). */
  approvalId: string | null;
}
export interface ApprovalTable {
  id: string;
  yearId: string;
  action: 'plan.publish' | 'round.close' | 'round.reopen' | 'round.publish';
  /** The plan or round acted on. */
  targetId: string;
  /** The unit concerned (a reopening), else null. */
  unitId: string | null;
  payloadJson: string;
  approver: 'head-leader' | 'deputy-or-board' | 'board';
  status: 'pending' | 'approved' | 'refused' | 'withdrawn';
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}
export interface RoundReminderTable {
  id: string;
  roundId: string;
  unitId: string;
  kind: string;
  deadlineAt: string;
  claimedBy: string;
  claimedAt: string;
}

export interface PlanTable {
  id: string;
  yearId: string;
  issuingUnitId: string | null;
  contentJson: string;
  revision: number;
  publishedVersion: number;
  dirty: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}
export interface PlanVersionTable {
  id: string;
  planId: string;
  version: number;
  contentJson: string;
  acknowledgedJson: string;
  publishedAt: string;
  publishedBy: string | null;
}
export interface TaskTable {
  id: string;
  planId: string;
  yearId: string;
  unitId: string;
  milestoneId: string;
  deliverable: string;
  quarter: number;
  title: string;
  deadlineAt: string | null;
  status: 'open' | 'done' | 'cancelled';
  completedAt: string | null;
  completedBy:
    'report' | 'score-sheets' | 'registration' | 'covenant-signature' | 'head' | 'event-minutes' | null;
  completedByUser: string | null;
  note: string | null;
  reportId: string | null;
  createdAt: string;
}
export interface ReportTable {
  id: string;
  yearId: string;
  unitId: string;
  taskId: string;
  kind: 'mid-year' | 'year-end';
  filename: string;
  storedName: string;
  size: number;
  sha256: string;
  late: number;
  uploadedAt: string;
  uploadedBy: string;
}
export interface ReminderTable {
  id: string;
  taskId: string;
  kind: string;
  deadlineAt: string;
  claimedBy: string;
  claimedAt: string;
}
export interface NotificationTable {
  id: string;
  userId: string;
  unitId: string | null;
  yearId: string | null;
  taskId: string | null;
  reminderId: string | null;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}
export interface NotificationPreferenceTable {
  userId: string;
  kind: string;
  email: number;
}
export interface OutboxTable {
  id: string;
  notificationId: string | null;
  toAddress: string;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  claimedBy: string | null;
  claimedAt: string | null;
  createdAt: string;
  sentAt: string | null;
}
export interface CalendarFeedTable {
  unitId: string;
  token: string;
  createdAt: string;
}

export interface AwardCatalogueTable {
  id: string;
  year: number;
  position: number;
  code: string;
  name: string;
  kind: 'title' | 'award';
  level: string;
  legalBasis: string;
  recipient: 'unit' | 'person';
  quotaPerBloc: number | null;
  updatedAt: string;
  updatedBy: string | null;
}
export interface RegistrationTable {
  id: string;
  yearId: string;
  unitId: string;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  commitments: string;
  returnReason: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
  submittedAt: string | null;
  submittedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
}
export interface RegistrationItemTable {
  registrationId: string;
  position: number;
  code: string;
  name: string;
  kind: 'title' | 'award';
  recipient: 'unit' | 'person';
  nominee: string | null;
}
export interface RegistrationDispatchTable {
  id: string;
  yearId: string;
  docNumber: string | null;
  sentOn: string;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}
/** Secret ballots (migration 010): who voted is kept apart from what was voted. */
export interface BallotTable {
  id: string;
  yearId: string;
  kind: 'approval' | 'election';
  title: string;
  status: 'draft' | 'open' | 'closed';
  quorum: string;
  threshold: string;
  opensAt: string;
  closesAt: string;
  /** The member unit ids that may vote, fixed when the ballot opens. */
  electorateJson: string;
  /** The published tally (set at close). */
  resultJson: string | null;
  createdBy: string;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
}
export interface BallotQuestionTable {
  id: string;
  ballotId: string;
  position: number;
  label: string;
  subjectUnitId: string | null;
  seat: 'head' | 'deputy' | null;
  optionsJson: string;
  /** The catalogue code of the award a nominee's question asks about (migration 011). */
  awardCode: string | null;
}
export interface BallotVoterTable {
  ballotId: string;
  unitId: string;
  userId: string;
  votedAt: string;
}
export interface BallotDelegateTable {
  ballotId: string;
  unitId: string;
  userId: string;
  delegatedBy: string;
  delegatedAt: string;
}
/** No voter, no time; a random id. */
export interface BallotChoiceTable {
  id: string;
  ballotId: string;
  receipt: string;
  questionId: string;
  choice: string;
}

export interface CovenantTable {
  id: string;
  yearId: string;
  title: string;
  body: string;
  commitmentsJson: string;
  revision: number;
  commentsOpensAt: string | null;
  commentsClosesAt: string | null;
  commentsOpenedAt: string | null;
  publishedVersion: number;
  signatureCount: number;
  allSignedAt: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}
export interface CovenantVersionTable {
  id: string;
  covenantId: string;
  version: number;
  title: string;
  body: string;
  commitmentsJson: string;
  textHash: string;
  publishedAt: string;
  publishedBy: string | null;
}
export interface CovenantCommentTable {
  id: string;
  covenantId: string;
  unitId: string;
  authorId: string;
  body: string;
  createdAt: string;
  reply: string | null;
  repliedBy: string | null;
  repliedAt: string | null;
}
export interface CovenantSignatureTable {
  id: string;
  covenantId: string;
  unitId: string;
  userId: string;
  version: number;
  textHash: string;
  signedAt: string;
}

export interface EventTable {
  id: string;
  yearId: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  hostUnitId: string;
  agenda: string;
  milestoneId: string | null;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  minutesAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export interface EventUnitTable {
  eventId: string;
  unitId: string;
  attendance: 'present' | 'absent' | null;
}
export interface ExemplarTable {
  id: string;
  yearId: string;
  unitId: string;
  title: string;
  field: string;
  description: string;
  presentAtConference: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export interface AttachmentTable {
  id: string;
  ownerType: 'event' | 'exemplar' | 'nomination';
  ownerId: string;
  yearId: string;
  kind: 'minutes' | 'agenda' | 'other';
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}
/** The year's award rules (migration 011): in order, each gives its award to the next eligible ranked units. */
export interface AwardRuleTable {
  yearId: string;
  position: number;
  awardCode: string;
  awardName: string;
  /** How many units the rule proposes. */
  places: number;
  /** 1 when only units that registered for the award may be proposed for it. */
  requiresRegistration: number;
  /** The lowest official score a proposed unit may have, or null. */
  minScore: number | null;
  updatedBy: string;
  updatedAt: string;
}
/** One line of the year's nominations (migration 011), with the Council's decision once recorded. */
export interface NominationTable {
  id: string;
  yearId: string;
  /** The published round whose ranking drafted the line. */
  roundId: string | null;
  unitId: string;
  awardCode: string;
  awardName: string;
  position: number;
  rank: number | null;
  scoreText: string | null;
  /** 'rule': drafted by the app; 'head': added by the head (with changeReason). */
  origin: 'rule' | 'head';
  /** 1 when the line is proposed; 0 when the head took it out (with changeReason). */
  included: number;
  /** Why the app drafted the line (or the head's reason for adding it). */
  reason: string;
  changeReason: string | null;
  changedBy: string | null;
  changedAt: string | null;
  decision: 'approved' | 'rejected' | null;
  decisionNumber: string | null;
  /** yyyy-MM-dd. */
  decisionDate: string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}
/** The proposal to the city's Council for a year (migration 011). */
export interface ProposalTable {
  yearId: string;
  status: 'drafted' | 'sent' | 'decided';
  docNumber: string | null;
  /** yyyy-MM-dd. */
  sentOn: string | null;
  sentBy: string | null;
  decidedAt: string | null;
  updatedAt: string;
}
export interface Database {
  awardRules: AwardRuleTable;
  nominations: NominationTable;
  proposals: ProposalTable;
  awardCatalogue: AwardCatalogueTable;
  registrations: RegistrationTable;
  registrationItems: RegistrationItemTable;
  registrationDispatches: RegistrationDispatchTable;
  covenants: CovenantTable;
  covenantVersions: CovenantVersionTable;
  covenantComments: CovenantCommentTable;
  covenantSignatures: CovenantSignatureTable;
  ballots: BallotTable;
  ballotQuestions: BallotQuestionTable;
  ballotVoters: BallotVoterTable;
  ballotDelegates: BallotDelegateTable;
  ballotChoices: BallotChoiceTable;
  events: EventTable;
  eventUnits: EventUnitTable;
  exemplars: ExemplarTable;
  attachments: AttachmentTable;
  plans: PlanTable;
  planVersions: PlanVersionTable;
  tasks: TaskTable;
  reports: ReportTable;
  reminders: ReminderTable;
  notifications: NotificationTable;
  notificationPreferences: NotificationPreferenceTable;
  outbox: OutboxTable;
  calendarFeeds: CalendarFeedTable;
  criteriaSets: CriteriaSetTable;
  rounds: RoundTable;
  roundMembers: RoundMemberTable;
  sheets: SheetTable;
  sheetVersions: SheetVersionTable;
  roundReopenings: RoundReopeningTable;
  approvals: ApprovalTable;
  roundReminders: RoundReminderTable;
  blocs: BlocTable;
  units: UnitTable;
  years: YearTable;
  memberships: MembershipTable;
  users: UserTable;
  sessions: SessionTable;
  signInFailures: SignInFailureTable;
  auditEvents: AuditEventTable;
  settings: SettingTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;
