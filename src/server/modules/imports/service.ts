import { inTransaction } from '../../db/transaction';
import type { z } from 'zod';
import type { RowError } from '../../../shared/errors';
import { ZUnitCreateRequestSchema, ZUserCreateRequestSchema, type TImportResult } from '../../../shared/org';
import { toFieldErrors } from '../../../shared/validation-messages';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { readTable, writeTable } from '../../documents/tabular';
import { AppError } from '../../errors';
import type { FileOut, UploadSource } from '../../http';
import { allow, accountAccess, why } from '../../access';
import { recordAudit } from '../audit/repository';
import { passwordProblem } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { createOrgRepository } from '../org/repository';
import { insertUnit } from '../org/units-service';
import { createUsersRepository } from '../org/users-repository';
import { insertUser } from '../org/users-service';
import { importColumns, mapRows, parseRole, templateExamples, type ImportKind } from './columns';

const MAX_ROWS = 5000;
const blankToNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v);

function issuesToRowErrors(row: number, issues: readonly z.core.$ZodIssue[]): RowError[] {
  return Object.entries(toFieldErrors(issues)).map(([field, message]) => ({ row, field, message }));
}

/** Every problem names the column as the file's header says it ("Mã đơn vị"), never a field id. */
function rejected(kind: ImportKind, errors: RowError[]): AppError {
  const headers = new Map(importColumns[kind].map((c) => [c.field, c.header]));
  const rowErrors = errors.map((e) => ({ ...e, field: headers.get(e.field) ?? e.field }));
  const rows = new Set(rowErrors.map((e) => e.row)).size;
  return new AppError(
    'VALIDATION',
    `Tệp có ${rowErrors.length} lỗi ở ${rows} dòng; chưa nhập dòng nào. Sửa các lỗi và tải lên lại.`,
    undefined,
    rowErrors,
  );
}

/** Imports units or users from .xlsx/.csv: all rows or none; every problem reported with its row. */
export async function importFile(
  db: Executor,
  kind: ImportKind,
  upload: UploadSource,
  ctx: Ctx,
): Promise<TImportResult> {
  allow(accountAccess(ctx.actor).manageOrg);
  const file = await upload();
  if (!/\.(xlsx|csv)$/i.test(file.filename)) {
    throw new AppError('VALIDATION', 'Chỉ nhận tệp .xlsx hoặc .csv.', {
      file: 'Tệp: phải là .xlsx hoặc .csv',
    });
  }
  let table;
  try {
    table = await readTable(file.data, file.filename);
  } catch (e) {
    if (e instanceof AppError) throw e; // too large once unzipped, too many rows, server busy
    throw new AppError('VALIDATION', 'Không đọc được tệp: tệp hỏng hoặc không đúng định dạng .xlsx/.csv.', {
      file: 'Tệp: không đọc được',
    });
  }
  const { headerErrors, rows } = mapRows(kind, table);
  if (headerErrors.length) throw rejected(kind, headerErrors);
  if (rows.length === 0) {
    throw new AppError('VALIDATION', 'Tệp không có dòng dữ liệu nào.', { file: 'Tệp: không có dữ liệu' });
  }
  if (rows.length > MAX_ROWS) {
    throw new AppError('VALIDATION', `Tệp có quá ${MAX_ROWS} dòng.`, {
      file: `Tệp: tối đa ${MAX_ROWS} dòng`,
    });
  }
  return kind === 'units' ? importUnits(db, rows, ctx) : importUsers(db, rows, ctx);
}

type Rows = ReturnType<typeof mapRows>['rows'];

async function importUnits(db: Executor, rows: Rows, ctx: Ctx): Promise<TImportResult> {
  const rejectedRows = (errors: RowError[]) => rejected('units', errors);
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const repo = createOrgRepository(db);
  const valid: z.output<typeof ZUnitCreateRequestSchema>[] = [];
  for (const { row, values } of rows) {
    const parsed = ZUnitCreateRequestSchema.safeParse({
      ...values,
      shortName: blankToNull(values.shortName),
      email: blankToNull(values.email),
    });
    if (!parsed.success) {
      errors.push(...issuesToRowErrors(row, parsed.error.issues));
      continue;
    }
    const code = parsed.data.code;
    if (seen.has(code)) errors.push({ row, field: 'code', message: `Mã: trùng với dòng ${seen.get(code)}` });
    else if (await repo.findUnitByCode(code)) {
      errors.push({ row, field: 'code', message: `Mã: đơn vị "${code}" đã có trong hệ thống` });
    }
    seen.set(code, seen.get(code) ?? row);
    valid.push(parsed.data);
  }
  if (errors.length) throw rejectedRows(errors);
  await inTransaction(db, async (tx) => {
    for (const unit of valid) await insertUnit(tx, unit, ctx);
    await recordAudit(tx, ctx, {
      action: 'import.units',
      entityType: 'import',
      entityId: null,
      after: { count: valid.length },
    });
  });
  return { imported: valid.length, kind: 'units' };
}

async function importUsers(db: Executor, rows: Rows, ctx: Ctx): Promise<TImportResult> {
  const rejectedRows = (errors: RowError[]) => rejected('users', errors);
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const orgRepo = createOrgRepository(db);
  const usersRepo = createUsersRepository(db);
  const valid: z.output<typeof ZUserCreateRequestSchema>[] = [];
  for (const { row, values } of rows) {
    const unit = values.unitCode
      ? await orgRepo.findUnitByCode(values.unitCode.trim().toLowerCase())
      : undefined;
    if (values.unitCode && !unit) {
      errors.push({ row, field: 'unitCode', message: `Mã đơn vị: không có đơn vị "${values.unitCode}"` });
      continue;
    }
    const parsed = ZUserCreateRequestSchema.safeParse({
      ...values,
      email: blankToNull(values.email),
      role: parseRole(values.role ?? ''),
      unitId: unit?.id ?? null,
    });
    if (!parsed.success) {
      errors.push(...issuesToRowErrors(row, parsed.error.issues));
      continue;
    }
    const login = parsed.data.login;
    if (seen.has(login)) {
      errors.push({ row, field: 'login', message: `Tên đăng nhập: trùng với dòng ${seen.get(login)}` });
    } else if (await usersRepo.findUserByLogin(login)) {
      errors.push({ row, field: 'login', message: `Tên đăng nhập: "${login}" đã được dùng` });
    }
    seen.set(login, seen.get(login) ?? row);
    const weak = await passwordProblem(parsed.data.password, parsed.data);
    if (weak) errors.push({ row, field: 'password', message: `Mật khẩu: ${weak}` });
    valid.push(parsed.data);
  }
  if (errors.length) throw rejectedRows(errors);
  const hashed: (z.output<typeof ZUserCreateRequestSchema> & {
    passwordHash: string;
    mustChangePassword: boolean;
  })[] = [];
  for (const u of valid) {
    hashed.push({ ...u, passwordHash: await hashPassword(u.password), mustChangePassword: true });
  }
  await inTransaction(db, async (tx) => {
    for (const user of hashed) await insertUser(tx, user, ctx);
    await recordAudit(tx, ctx, {
      action: 'import.users',
      entityType: 'import',
      entityId: null,
      after: { count: hashed.length },
    });
  });
  return { imported: hashed.length, kind: 'users' };
}

export const templateHeaders = (kind: ImportKind) => importColumns[kind].map((c) => c.header);

/** The template of an import file (the columns and an example row): administrators, who import. */
export async function importTemplate(kind: ImportKind, ctx: Ctx): Promise<FileOut> {
  allow(accountAccess(ctx.actor).manageOrg, why.onlyAdmin);
  const data = await writeTable(
    kind === 'units' ? 'Đơn vị' : 'Tài khoản',
    templateHeaders(kind),
    templateExamples[kind],
  );
  return { data, filename: `Mẫu nhập ${kind === 'units' ? 'đơn vị' : 'tài khoản'}.xlsx`, kind: 'xlsx' };
}
