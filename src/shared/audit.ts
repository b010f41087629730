import { z } from './zod';

export const ZAuditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLogin: z.string().nullable(),
  actorUnitId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The object's name as people know it (a unit's name, a round's title, a user's full name). */
  entityName: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEventSchema>;

export const ZAuditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorLogin: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TAuditQuery = z.input<typeof ZAuditQuerySchema>;
export type TAuditFilter = z.output<typeof ZAuditQuerySchema>;
export const ZAuditPageSchema = z.object({ total: z.number().int(), items: z.array(ZAuditEventSchema) });
export type TAuditPage = z.infer<typeof ZAuditPageSchema>;

/** What the filters offer: the actions and object kinds that the log holds. */
export const ZAuditFacetsSchema = z.object({
  actions: z.array(z.string()),
  entityTypes: z.array(z.string()),
});
export type TAuditFacets = z.infer<typeof ZAuditFacetsSchema>;

/** Every recorded action in Vietnamese, for the administrator reading the log. */
export const auditActionLabels: Record<string, string> = {
  'auth.login': 'Đăng nhập',
  'auth.logout': 'Đăng xuất',
  'auth.password-changed': 'Đổi mật khẩu',
  'bloc.created': 'Tạo cụm/khối',
  'bloc.updated': 'Sửa cụm/khối',
  'unit.created': 'Tạo đơn vị',
  'unit.updated': 'Sửa đơn vị',
  'year.created': 'Tạo năm thi đua',
  'year.updated': 'Sửa năm thi đua',
  'user.created': 'Tạo tài khoản',
  'user.updated': 'Sửa tài khoản',
  'user.password-reset': 'Đặt lại mật khẩu',
  'import.units': 'Nhập đơn vị từ tệp',
  'import.users': 'Nhập tài khoản từ tệp',
  'criteria.draft-started': 'Tạo bản dự thảo bảng tiêu chí',
  'criteria.saved': 'Lưu bảng tiêu chí',
  'round.opened': 'Mở đợt chấm',
  'round.closed': 'Đóng đợt chấm',
  'round.results-shown': 'Trưởng khối xem kết quả lần đầu',
  'round.unit-reopened': 'Mở lại bảng điểm cho đơn vị',
  'round.published': 'Công bố kết quả',
  'sheet.draft-saved': 'Lưu nháp bảng điểm',
  'sheet.submitted': 'Nộp bảng điểm',
  'plan.created': 'Tạo kế hoạch',
  'plan.saved': 'Lưu kế hoạch',
  'plan.published': 'Ban hành kế hoạch',
  'task.completed': 'Hoàn thành nhiệm vụ',
  'task.report-replaced': 'Thay báo cáo của nhiệm vụ',
  'tasks.urged': 'Đôn đốc đơn vị',
  'report.uploaded': 'Gửi báo cáo',
  'calendar.created': 'Tạo lịch của đơn vị',
  'calendar.rotated': 'Đổi đường dẫn lịch',
  'notifications.preferences-saved': 'Lưu cài đặt thông báo',
  'approval.requested': 'Gửi đề nghị duyệt',
  'approval.approved': 'Duyệt đề nghị',
  'approval.refused': 'Từ chối đề nghị',
  'approval.withdrawn': 'Rút đề nghị',
  'catalogue.saved': 'Lưu danh mục danh hiệu, khen thưởng',
  'registration.saved': 'Lưu nháp đăng ký thi đua',
  'registration.submitted': 'Gửi đăng ký thi đua',
  'registration.returned': 'Trả lại đăng ký thi đua',
  'registration.accepted': 'Nhận đăng ký thi đua',
  'registration.summary-sent': 'Gửi bảng tổng hợp đăng ký thi đua',
  'covenant.saved': 'Lưu dự thảo giao ước thi đua',
  'covenant.comments-opened': 'Mở lấy ý kiến dự thảo giao ước',
  'covenant.commented': 'Góp ý dự thảo giao ước',
  'covenant.comment-answered': 'Trả lời góp ý giao ước',
  'covenant.published': 'Ban hành văn bản giao ước thi đua',
  'covenant.signed': 'Ký giao ước thi đua',
  'ballot.created': 'Tạo cuộc bỏ phiếu kín',
  'ballot.updated': 'Sửa cuộc bỏ phiếu kín',
  'ballot.opened': 'Mở cuộc bỏ phiếu kín',
  'ballot.voted': 'Đơn vị đã bỏ phiếu (không ghi lựa chọn)',
  'ballot.delegated': 'Ủy quyền bỏ phiếu',
  'ballot.closed': 'Đóng và công bố kết quả bỏ phiếu',
  'year.next-created': 'Tạo năm thi đua tiếp theo',
  'event.created': 'Tạo sự kiện',
  'event.updated': 'Sửa sự kiện',
  'event.cancelled': 'Hủy sự kiện',
  'event.attendance-recorded': 'Ghi nhận tham dự sự kiện',
  'event.file-attached': 'Đính kèm tệp cho sự kiện',
  'exemplar.published': 'Đăng điển hình tiên tiến',
  'exemplar.updated': 'Sửa điển hình tiên tiến',
  'exemplar.marked': 'Chọn/bỏ chọn điển hình trình bày tại hội nghị tổng kết',
  'exemplar.file-attached': 'Đính kèm tệp cho điển hình tiên tiến',
};

/** Every kind of object in the log, in Vietnamese. */
export const auditEntityLabels: Record<string, string> = {
  bloc: 'Cụm/khối',
  unit: 'Đơn vị',
  year: 'Năm thi đua',
  user: 'Tài khoản',
  import: 'Nhập từ tệp',
  criteriaSet: 'Bảng tiêu chí',
  round: 'Đợt chấm',
  sheet: 'Bảng điểm',
  plan: 'Kế hoạch',
  task: 'Nhiệm vụ',
  report: 'Báo cáo',
  approval: 'Đề nghị duyệt',
  catalogue: 'Danh mục danh hiệu, khen thưởng',
  registration: 'Đăng ký thi đua',
  registrationDispatch: 'Gửi bảng tổng hợp đăng ký',
  session: 'Phiên đăng nhập',
  calendar: 'Lịch',
  covenant: 'Giao ước thi đua',
  covenantComment: 'Góp ý giao ước',
  event: 'Sự kiện',
  exemplar: 'Điển hình tiên tiến',
};
