/**
 * Facts one module announces and others act on, in the announcer's transaction — so a module never
 * imports another to tell it something. Scoring says "this unit's score sheets are all in"; plans, which
 * registered a handler at start-up, completes the unit's task. A handler that throws rolls the whole
 * transaction back, exactly as if the work were inline.
 */
import type { Deliverable } from '../domain/plans';
import type { Actor } from './context';
import type { Executor } from './db/schema';

export interface AppEvents {
  /** A unit has handed in what a plan task waits for (a report, all its score sheets, a registration…). */
  'deliverable.arrived': {
    yearId: string;
    unitId: string;
    deliverable: Deliverable;
    /** The report that completes the task, when the deliverable is a report. */
    reportId?: string | null;
    /** Only the task of this plan milestone (an event's minutes complete that event's task, not every event's). */
    milestoneId?: string | null;
  };
}

export interface EventContext {
  actor: Actor | null;
  requestId: string;
}

type Handler<K extends keyof AppEvents> = (
  tx: Executor,
  payload: AppEvents[K],
  ctx: EventContext,
) => Promise<void>;

const handlers = new Map<keyof AppEvents, Handler<keyof AppEvents>[]>();

/** Registers a handler once (registering the same function again changes nothing). */
export function on<K extends keyof AppEvents>(name: K, handler: Handler<K>): void {
  const list = handlers.get(name) ?? [];
  if (!list.includes(handler as Handler<keyof AppEvents>)) list.push(handler as Handler<keyof AppEvents>);
  handlers.set(name, list);
}

/** Runs every handler of the event, in registration order, in the caller's transaction. */
export async function emit<K extends keyof AppEvents>(
  tx: Executor,
  name: K,
  payload: AppEvents[K],
  ctx: EventContext,
): Promise<void> {
  for (const handler of handlers.get(name) ?? []) await (handler as Handler<K>)(tx, payload, ctx);
}
