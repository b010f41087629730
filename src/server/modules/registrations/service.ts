import {
  choiceProblems,
  mayChangeNow,
  registrationWindow,
  type RegistrationWindow,
} from '../../../domain/registrations';
import {
  ZRegistrationInputSchema,
  type TCatalogueEntry,
  type TRegistration,
} from '../../../shared/registrations';
import type { z } from '../../../shared/zod';
import { allow, yearAccess, type YearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import { uuidv7 } from '../../db/ids';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, invalid } from '../../errors';
import { recordAudit } from '../audit/repository';
import { notifyUnits } from '../notifications/notify';
import { createOrgRepository } from '../org/repository';
import { effectiveCatalogue } from './catalogue';
import { presentItem, presentWindow } from './present';
import { createRegistrationRepository, type RegistrationRow } from './repository';

type Input = z.output<typeof ZRegistrationInputSchema>;

const notMember = 'Đơn vị của bạn không thuộc Khối trong năm này.';
const onlyLeader = 'Chỉ lãnh đạo đơn vị gửi đăng ký thi đua (cán bộ đầu mối soạn và lưu nháp).';

/** The caller's unit in the year, its registration (if any) and the window its tasks open. */
async function loadMine(db: Executor, yearId: string, ctx: Ctx) {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.ownTasks, notMember);
  const unitId = ctx.actor.unitId!;
  const repo = createRegistrationRepository(db);
  const row = await repo.ofUnit(yearId, unitId);
  const window = registrationWindow(await repo.tasks(yearId, unitId), now());
  return { access, unitId, repo, row, window };
}

async function present(
  db: Executor,
  access: YearAccess,
  unitId: string,
  row: RegistrationRow | undefined,
  window: RegistrationWindow,
): Promise<TRegistration> {
  const repo = createRegistrationRepository(db);
  const items = row ? await repo.items([row.id]) : [];
  const names = await repo.userNames([row?.submittedBy ?? null, row?.decidedBy ?? null]);
  const unit = await createOrgRepository(db).findUnit(unitId);
  const open = mayChangeNow(window.state, row?.status ?? null);
  return {
    id: row?.id ?? null,
    yearId: access.yearId,
    year: access.year,
    unitId,
    unitName: unit?.name ?? '',
    status: row?.status ?? null,
    items: items.map(presentItem),
    commitments: row?.commitments ?? '',
    returnReason: row?.returnReason ?? null,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    submittedAt: row?.submittedAt ?? null,
    submittedByName: row?.submittedBy ? (names.get(row.submittedBy) ?? null) : null,
    decidedAt: row?.decidedAt ?? null,
    decidedByName: row?.decidedBy ? (names.get(row.decidedBy) ?? null) : null,
    window: presentWindow(window),
    catalogue: (await effectiveCatalogue(db, access.year)).entries,
    can: { save: open, submit: open && access.can.submitRegistration },
  };
}

/** The caller's unit's registration for a year (empty before the first save), with the catalogue. */
export async function getMyRegistration(db: Executor, yearId: string, ctx: Ctx): Promise<TRegistration> {
  const m = await loadMine(db, yearId, ctx);
  return present(db, m.access, m.unitId, m.row, m.window);
}

/** Refuses outside the window, once sent, and choices the year's catalogue does not hold. */
function checkChange(
  m: Awaited<ReturnType<typeof loadMine>>,
  input: Input,
  catalogue: readonly TCatalogueEntry[],
): void {
  const status = m.row?.status ?? null;
  if (!mayChangeNow(m.window.state, status)) {
    if (status === 'submitted') throw conflict('Đăng ký đã gửi, đang chờ Trưởng khối xem xét.');
    if (status === 'accepted') throw conflict('Trưởng khối đã nhận đăng ký; không sửa được nữa.');
    if (m.window.state === 'not-open') {
      throw conflict('Chưa đến thời gian đăng ký thi đua (kế hoạch năm chưa ban hành nội dung đăng ký).');
    }
    throw conflict('Đã hết thời gian đăng ký thi đua.');
  }
  const problems = choiceProblems(input.items, catalogue);
  if (problems.length) {
    throw invalid(Object.fromEntries(problems.map((p) => [`items.${p.index}.code`, p.message])));
  }
}

/** Writes the registration's content, creating it on the first save; returns the row as now stored. */
async function writeContent(
  m: Awaited<ReturnType<typeof loadMine>>,
  input: Input,
  catalogue: readonly TCatalogueEntry[],
  patch: Partial<RegistrationRow>,
  ctx: Ctx,
): Promise<RegistrationRow> {
  const at = now().toISOString();
  const base = { commitments: input.commitments, updatedAt: at, updatedBy: ctx.actor.userId, ...patch };
  const row: RegistrationRow = m.row
    ? { ...m.row, ...base }
    : {
        id: uuidv7(),
        yearId: m.access.yearId,
        unitId: m.unitId,
        status: 'draft',
        returnReason: null,
        version: 0,
        submittedAt: null,
        submittedBy: null,
        decidedAt: null,
        decidedBy: null,
        ...base,
      };
  if (m.row) await m.repo.update(row.id, { ...base });
  else await m.repo.insert(row);
  const byCode = new Map(catalogue.map((e) => [e.code, e]));
  await m.repo.replaceItems(
    row.id,
    input.items.map((item, position) => {
      const e = byCode.get(item.code)!;
      const nominee = e.recipient === 'person' ? (item.nominee?.trim() ?? null) : null;
      return {
        registrationId: row.id,
        position,
        code: e.code,
        name: e.name,
        kind: e.kind,
        recipient: e.recipient,
        nominee,
      };
    }),
  );
  return row;
}

const auditContent = (row: RegistrationRow, input: Input) => ({
  status: row.status,
  version: row.version,
  items: input.items,
  commitments: input.commitments,
});

/** The officer (or the leader) saves the draft; a returned registration stays returned until it is sent again. */
export async function saveRegistration(
  db: Executor,
  yearId: string,
  input: Input,
  ctx: Ctx,
): Promise<TRegistration> {
  return inTransaction(db, async (tx) => {
    const m = await loadMine(tx, yearId, ctx);
    const catalogue = (await effectiveCatalogue(tx, m.access.year)).entries;
    checkChange(m, input, catalogue);
    const row = await writeContent(m, input, catalogue, {}, ctx);
    await recordAudit(tx, ctx, {
      action: 'registration.saved',
      entityType: 'registration',
      entityId: row.id,
      before: m.row ? { status: m.row.status, version: m.row.version } : null,
      after: auditContent(row, input),
    });
    // The unit's leaders hear of the officer's first draft: it waits for them to send it.
    if (!m.row && ctx.actor.role === 'officer') {
      await notifyUnits(
        tx,
        'registration',
        [
          {
            unitId: m.unitId,
            title: 'Đăng ký thi đua chờ lãnh đạo gửi',
            body: `Cán bộ đầu mối đã soạn đăng ký thi đua năm ${m.access.year} của đơn vị. Lãnh đạo đơn vị xem và gửi Trưởng khối trong mục Đăng ký thi đua.`,
          },
        ],
        { yearId, leadersOnly: true },
      );
    }
    return present(tx, m.access, m.unitId, row, m.window);
  });
}

/** The leader sends the registration to the head (first time or after a return); the head is told. */
export async function submitRegistration(
  db: Executor,
  yearId: string,
  input: Input,
  ctx: Ctx,
): Promise<TRegistration> {
  return inTransaction(db, async (tx) => {
    const m = await loadMine(tx, yearId, ctx);
    allow(m.access.can.submitRegistration, onlyLeader);
    const catalogue = (await effectiveCatalogue(tx, m.access.year)).entries;
    checkChange(m, input, catalogue);
    const at = now().toISOString();
    const patch = {
      status: 'submitted' as const,
      version: (m.row?.version ?? 0) + 1,
      submittedAt: at,
      submittedBy: ctx.actor.userId,
      returnReason: null,
      decidedAt: null,
      decidedBy: null,
    };
    const row = await writeContent(m, input, catalogue, patch, ctx);
    await recordAudit(tx, ctx, {
      action: 'registration.submitted',
      entityType: 'registration',
      entityId: row.id,
      before: m.row
        ? { status: m.row.status, version: m.row.version, returnReason: m.row.returnReason }
        : null,
      after: auditContent(row, input),
    });
    const unit = await createOrgRepository(tx).findUnit(m.unitId);
    if (m.access.headUnitId && m.access.headUnitId !== m.unitId) {
      const again = m.row?.status === 'returned' ? ' (gửi lại sau khi được trả lại)' : '';
      await notifyUnits(
        tx,
        'registration',
        [
          {
            unitId: m.access.headUnitId,
            title: `${unit?.name ?? 'Một đơn vị'} đã gửi đăng ký thi đua`,
            body: `${unit?.name ?? 'Đơn vị'} đã gửi đăng ký thi đua năm ${m.access.year}${again}. Trưởng khối xem và nhận hoặc trả lại trong mục Đăng ký thi đua.`,
          },
        ],
        { yearId },
      );
    }
    return present(tx, m.access, m.unitId, row, m.window);
  });
}
