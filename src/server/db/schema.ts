import type { Kysely, Transaction } from 'kysely';

/** Table types. Columns are snake_case in the database, camelCase here (CamelCasePlugin). */
export interface BlocTable {
  id: string;
  kind: 'bloc' | 'cluster';
  name: string;
  shortName: string | null;
  description: string | null;
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

export interface Database {
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
