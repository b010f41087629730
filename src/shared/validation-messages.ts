import type { z } from 'zod';

/** Vietnamese labels for field names, so that every message names the field the user sees. */
export const fieldLabels: Record<string, string> = {
  login: 'Tên đăng nhập',
  startsAt: 'Bắt đầu',
  endsAt: 'Kết thúc',
  location: 'Địa điểm',
  hostUnitId: 'Đơn vị chủ trì',
  agenda: 'Chương trình',
  milestoneId: 'Nội dung kế hoạch',
  field: 'Lĩnh vực',
  attendance: 'Điểm danh',
  present: 'Trình bày tại hội nghị',
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
  governingBody: 'Cơ quan chủ quản',
  place: 'Địa danh',
  text: 'Nội dung',
  maxPoints: 'Điểm tối đa',
  step: 'Bước chấm',
  guidance: 'Hướng dẫn chấm',
  title: 'Tên',
  deadlineAt: 'Hạn nộp',
  latePolicy: 'Bảng điểm nộp muộn',
  missingPolicy: 'Khi thiếu bảng điểm',
  tieBreakers: 'Tiêu chí phân định khi bằng điểm',
  officerMaySubmit: 'Cán bộ đầu mối được nộp',
  reason: 'Lý do',
  untilAt: 'Mở lại đến',
  scores: 'Điểm chấm',
  revision: 'Phiên bản đang sửa',
  content: 'Nội dung kế hoạch',
  docNumber: 'Số, ký hiệu',
  issueDate: 'Ngày ban hành',
  subject: 'Trích yếu',
  signer: 'Người ký',
  legalBases: 'Căn cứ',
  intro: 'Mở đầu',
  theme: 'Chủ đề năm',
  purposes: 'Mục đích',
  requirements: 'Yêu cầu',
  scoring: 'Cách tính điểm',
  milestones: 'Nội dung theo quý',
  organization: 'Tổ chức thực hiện',
  recipients: 'Nơi nhận',
  authority: 'Thẩm quyền ký',
  paragraphs: 'Đoạn văn',
  formula: 'Công thức',
  quarter: 'Quý',
  responsible: 'Đơn vị thực hiện',
  deadlineBeforeDay: 'Hạn trước ngày',
  deliverables: 'Sản phẩm',
  head: 'Trưởng khối',
  deputy: 'Phó trưởng khối',
  members: 'Các đơn vị trong Khối',
  items: 'Các mục',
  acknowledgedWarnings: 'Cảnh báo đã xác nhận',
  note: 'Ghi chú',
  allLate: 'Tất cả đơn vị chậm',
  message: 'Nội dung',
  action: 'Việc đề nghị',
  roundId: 'Đợt chấm',
  planId: 'Kế hoạch',
  status: 'Trạng thái',
  version: 'Phiên bản',
  format: 'Định dạng',
  unreadOnly: 'Chỉ chưa đọc',
  entityType: 'Loại đối tượng',
  entityId: 'Đối tượng',
  userId: 'Người dùng',
  locale: 'Ngôn ngữ',
  tree: 'Bảng tiêu chí',
  children: 'Tiêu chí con',
  entries: 'Danh mục danh hiệu, khen thưởng',
  level: 'Cấp quyết định',
  legalBasis: 'Căn cứ pháp lý',
  recipient: 'Đối tượng',
  quotaPerBloc: 'Số lượng Khối được đề nghị',
  nominee: 'Họ tên cá nhân',
  sentOn: 'Ngày gửi',
  body: 'Nội dung',
  commitments: 'Các cam kết',
  commentsFrom: 'Góp ý từ ngày',
  commentsUntil: 'Góp ý đến ngày',
  reply: 'Trả lời',
  textHash: 'Mã văn bản',
  quorum: 'Tỷ lệ hợp lệ',
  threshold: 'Tỷ lệ thông qua',
  opensAt: 'Thời điểm mở',
  closesAt: 'Thời điểm đóng',
  questions: 'Câu hỏi',
  candidateUnitIds: 'Ứng viên',
  subjectUnitId: 'Đơn vị được đề nghị',
  award: 'Danh hiệu/hình thức khen thưởng',
  choices: 'Phiếu bầu',
  rules: 'Quy tắc khen thưởng',
  awardCode: 'Mã danh hiệu/hình thức khen thưởng',
  publicResults: 'Trang kết quả công khai',
  awardName: 'Tên danh hiệu/hình thức khen thưởng',
  places: 'Số suất',
  requiresRegistration: 'Phải đăng ký',
  minScore: 'Điểm tối thiểu',
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
