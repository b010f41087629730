import type { Actor } from '../../context';
import type { YearAccess } from '../scoring/access';

const unitUser = (a: Actor) => a.role === 'officer' || a.role === 'leader';

/** Plan and task policies: head and deputy powers come from the unit's role in the year (see scoring/access). */
export const planPolicies = {
  /** The head's secretariat drafts, publishes, checks off manual tasks and starts next year's plan. */
  edit: (y: YearAccess) => y.myRole === 'head',
  /** The working copy (unpublished edits) and its warnings: the head, and the deputy who helps run the year. */
  readDraft: (y: YearAccess) => y.myRole === 'head' || y.myRole === 'deputy',
  /** Published versions and their documents: every member unit, the board and administrators. */
  readPublished: (a: Actor, y: YearAccess) => y.myRole !== null || a.role === 'board' || a.role === 'admin',
  /** The progress board (unit × task): head, deputy and the board. */
  readBoard: (a: Actor, y: YearAccess) => y.myRole === 'head' || y.myRole === 'deputy' || a.role === 'board',
  /** Urging (đôn đốc) late units: head and deputy. */
  urge: (y: YearAccess) => y.myRole === 'head' || y.myRole === 'deputy',
  /** A unit's own tasks: its officers and leader. */
  ownTasks: (a: Actor, y: YearAccess) => unitUser(a) && y.myRole !== null,
  /** Uploading a report for a task: the task's unit's officers and leader. */
  uploadFor: (a: Actor, unitId: string) => unitUser(a) && a.unitId === unitId,
  /** Reading a report: its unit, the head, the deputy, the board. */
  readReport: (a: Actor, y: YearAccess, unitId: string) =>
    (unitUser(a) && a.unitId === unitId) ||
    y.myRole === 'head' ||
    y.myRole === 'deputy' ||
    a.role === 'board',
};

export const onlyHead = 'Chỉ Trưởng khối của năm này được thực hiện thao tác này.';
