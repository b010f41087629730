import type { TRole } from '../../../shared/auth';
import type { Table } from '../../documents/tabular';

export type ImportKind = 'units' | 'users';

interface Column {
  field: string;
  header: string;
  aliases: string[];
  required: boolean;
}

/** The columns of each import file, with the Vietnamese header the template uses. */
export const importColumns: Record<ImportKind, Column[]> = {
  units: [
    { field: 'code', header: 'Mã đơn vị', aliases: ['ma don vi', 'code'], required: true },
    { field: 'name', header: 'Tên đơn vị', aliases: ['ten don vi', 'name'], required: true },
    {
      field: 'shortName',
      header: 'Tên viết tắt',
      aliases: ['ten viet tat', 'short name', 'shortname'],
      required: false,
    },
    { field: 'email', header: 'Thư điện tử', aliases: ['thu dien tu', 'email', 'e-mail'], required: false },
  ],
  users: [
    { field: 'login', header: 'Tên đăng nhập', aliases: ['ten dang nhap', 'login'], required: true },
    {
      field: 'fullName',
      header: 'Họ và tên',
      aliases: ['ho va ten', 'ho ten', 'full name', 'fullname'],
      required: true,
    },
    { field: 'email', header: 'Thư điện tử', aliases: ['thu dien tu', 'email', 'e-mail'], required: false },
    { field: 'role', header: 'Vai trò', aliases: ['vai tro', 'role'], required: true },
    {
      field: 'unitCode',
      header: 'Mã đơn vị',
      aliases: ['ma don vi', 'unit code', 'unitcode'],
      required: false,
    },
    { field: 'password', header: 'Mật khẩu', aliases: ['mat khau', 'password'], required: true },
  ],
};

export const templateExamples: Record<ImportKind, string[][]> = {
  units: [['so-tai-chinh', 'Sở Tài chính thành phố', 'STC', 'vanthu.stc@example.gov.vn']],
  users: [
    [
      'stc.canbo',
      'Nguyễn Văn A',
      'nva@example.gov.vn',
      'Cán bộ đầu mối',
      'so-tai-chinh',
      'doi-mat-khau-ngay',
    ],
  ],
};

/** Lower-case, without Vietnamese diacritics: "Mã đơn vị" → "ma don vi". */
export function normalizeHeader(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const roleNames: Record<string, TRole> = {
  admin: 'admin',
  'quan tri': 'admin',
  'quan tri he thong': 'admin',
  board: 'board',
  'ban tdkt': 'board',
  'ban thi dua - khen thuong': 'board',
  officer: 'officer',
  'can bo dau moi': 'officer',
  'can bo': 'officer',
  leader: 'leader',
  'lanh dao': 'leader',
  'lanh dao don vi': 'leader',
};

/** A role written in English or Vietnamese, or the raw text when unknown (the schema rejects it). */
export const parseRole = (text: string): string => roleNames[normalizeHeader(text)] ?? text;

/** Maps each data row to { field: text }. Reports missing required columns as row 1 errors. */
export function mapRows(kind: ImportKind, table: Table) {
  const columns = importColumns[kind];
  const headers = table.headers.map(normalizeHeader);
  const indexOf = new Map<string, number>();
  const headerErrors: { row: number; field: string; message: string }[] = [];
  for (const col of columns) {
    const i = headers.findIndex((h) => h === normalizeHeader(col.header) || col.aliases.includes(h));
    if (i >= 0) indexOf.set(col.field, i);
    else if (col.required) {
      headerErrors.push({ row: 1, field: col.field, message: `Thiếu cột "${col.header}"` });
    }
  }
  const rows = table.rows.map((r) => {
    const values: Record<string, string> = {};
    for (const [field, i] of indexOf) values[field] = r.cells[i] ?? '';
    return { row: r.row, values };
  });
  return { headerErrors, rows };
}
