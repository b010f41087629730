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
}

export interface Database {
  criteriaSets: CriteriaSetTable;
  rounds: RoundTable;
  roundMembers: RoundMemberTable;
  sheets: SheetTable;
  sheetVersions: SheetVersionTable;
  roundReopenings: RoundReopeningTable;
  blocs: BlocTable;
  units: UnitTable;
  years: YearTable;
  memberships: MembershipTable;
  users: UserTable;
  sessions: SessionTable;
  auditEvents: AuditEventTable;
  settings: SettingTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;
