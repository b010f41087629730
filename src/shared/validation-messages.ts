import type { z } from 'zod';

/** Vietnamese labels for field names, so that every message names the field the user sees. */
export const fieldLabels: Record<string, string> = {
  login: 'Tên đăng nhập',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  fullName: 'Họ và tên',
  email: 'Thư điện tử',
  role: 'Vai trò',
  unitId: 'Đơn vị',
  unitCode: 'Mã đơn vị',
  code: 'Mã',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  kind: 'Loại',
  description: 'Mô tả',
  blocId: 'Cụm/Khối',
  year: 'Năm thi đua',
  headUnitId: 'Đơn vị Trưởng khối',
  deputyUnitId: 'Đơn vị Phó trưởng khối',
  unitIds: 'Đơn vị thành viên',
  disabled: 'Khóa tài khoản',
  id: 'Mã định danh',
  limit: 'Số dòng',
  offset: 'Vị trí bắt đầu',
  from: 'Từ ngày',
  to: 'Đến ngày',
  locale: 'Ngôn ngữ',
  tree: 'Bảng tiêu chí',
  children: 'Tiêu chí con',
};

/** Label for a field path such as "unitIds.2" → "Đơn vị thành viên (mục 3)". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names[names.length - 1];
  const label = (last && fieldLabels[last]) ?? last ?? 'Dữ liệu';
  const index = path.find((p): p is number => typeof p === 'number');
  return index === undefined ? label : `${label} (mục ${index + 1})`;
}

/** A Vietnamese sentence for one zod issue, without the field name. */
export function issueMessage(issue: z.core.$ZodIssue | z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'là bắt buộc' : 'sai kiểu dữ liệu';
    case 'too_small':
      if (issue.origin === 'string') return `phải có ít nhất ${String(issue.minimum)} ký tự`;
      if (issue.origin === 'array') return `phải có ít nhất ${String(issue.minimum)} mục`;
      return `phải lớn hơn hoặc bằng ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `không được dài quá ${String(issue.maximum)} ký tự`;
      if (issue.origin === 'array') return `không được quá ${String(issue.maximum)} mục`;
      return `phải nhỏ hơn hoặc bằng ${String(issue.maximum)}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'không phải địa chỉ thư điện tử hợp lệ';
      if (issue.format === 'uuid') return 'không phải mã định danh hợp lệ';
      return 'sai định dạng';
    case 'invalid_value':
      return `phải là một trong: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `có trường không được phép: ${issue.keys.join(', ')}`;
    case 'custom':
      return 'không hợp lệ';
    default:
      return 'không hợp lệ';
  }
}

/** Turns zod issues (messages already Vietnamese, see zod.ts) into { "field.path": "Label: message" }. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (out[key]) continue;
    out[key] = `${fieldLabel(issue.path)}: ${issue.message}`;
  }
  return out;
}
