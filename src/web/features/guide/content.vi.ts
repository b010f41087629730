import type { Guide } from './types';

/** Hướng dẫn sử dụng (tiếng Việt): theo vai trò và theo tháng của năm thi đua, như Kế hoạch 1192/KH-KTĐ. */
export const guideVi: Guide = {
  title: 'Hướng dẫn sử dụng',
  intro:
    'ThiĐua theo năm thi đua của Khối: quý I ban hành kế hoạch, đăng ký danh hiệu và ký giao ước; giữa năm gửi báo cáo sơ kết; quý IV gửi báo cáo tổng kết và bảng chấm điểm, bình xét, bỏ phiếu và đề nghị khen thưởng. Mỗi việc có hạn và được nhắc trước trên chuông thông báo và qua thư điện tử. Dữ liệu mẫu (demo) có năm 2024 đã tổng kết và năm nay đang diễn ra; mật khẩu mọi tài khoản mẫu là thidua-demo.',
  contents: 'Mục lục',
  whenHeader: 'Khi nào',
  whatHeader: 'Việc cần làm',
  roles: [
    {
      id: 'officer',
      title: 'Cán bộ đầu mối của đơn vị',
      who: 'Người soạn mọi việc của đơn vị: đăng ký, báo cáo, bảng chấm điểm. Lãnh đạo đơn vị xem và gửi.',
      calendar: [
        {
          when: 'Hằng ngày',
          what: 'Trang chủ cho biết việc tiếp theo và hạn của nó; chuông báo việc sắp đến hạn, quá hạn.',
        },
        {
          when: 'Tháng 3 (quý I)',
          what: 'Soạn đăng ký danh hiệu thi đua (mục Đăng ký thi đua) và lưu nháp; lãnh đạo gửi Trưởng khối.',
        },
        {
          when: 'Trước 07/6',
          what: 'Tải lên báo cáo sơ kết 6 tháng tại nhiệm vụ tương ứng (mục Nhiệm vụ của đơn vị).',
        },
        { when: 'Tháng 10–11', what: 'Đăng điển hình tiên tiến của đơn vị (mục Điển hình tiên tiến).' },
        {
          when: 'Trước 08/12',
          what: 'Tải lên báo cáo tổng kết; nhập bảng tự chấm và chấm chéo các đơn vị khác, lưu nháp để lãnh đạo gửi (cán bộ tự gửi được nếu vòng chấm cho phép).',
        },
      ],
      shots: [
        { name: 'login', caption: 'Đăng nhập: bản demo liệt kê sẵn các tài khoản mẫu.' },
        { name: 'officer-home', caption: 'Trang chủ: việc tiếp theo của đơn vị và hạn của từng việc.' },
        { name: 'officer-tasks', caption: 'Nhiệm vụ của đơn vị trong năm: đã xong, sắp đến hạn, quá hạn.' },
        {
          name: 'officer-registration',
          caption: 'Đăng ký danh hiệu thi đua: chọn danh hiệu trong danh mục, ghi cam kết.',
        },
      ],
    },
    {
      id: 'leader',
      title: 'Lãnh đạo đơn vị',
      who: 'Việc lãnh đạo gửi đi có giá trị như chữ ký của đơn vị.',
      calendar: [
        {
          when: 'Tháng 3',
          what: 'Ký giao ước thi đua tại Hội nghị ký kết (nút Ký, sau khi đọc văn bản); gửi đăng ký danh hiệu.',
        },
        { when: 'Tháng 6 và tháng 12', what: 'Xem báo cáo cán bộ đã tải lên trước khi đến hạn.' },
        {
          when: 'Trước 08/12',
          what: 'Xem và gửi các bảng chấm điểm của đơn vị; đã gửi thì không sửa được nữa (chỉ Trưởng khối mở lại, có ghi lý do).',
        },
        {
          when: 'Tháng 12 (hội nghị tổng kết)',
          what: 'Bỏ phiếu bình xét khen thưởng và bầu Trưởng khối, Phó khối năm sau; phiếu kín, giữ mã biên nhận để tự đối chiếu; có thể ủy quyền cho cán bộ của đơn vị bỏ phiếu.',
        },
      ],
      shots: [
        {
          name: 'leader-covenant',
          caption: 'Giao ước thi đua: văn bản đã ban hành và chữ ký của từng đơn vị.',
        },
        { name: 'leader-sheets', caption: 'Bảng chấm điểm của đơn vị: tự chấm và chấm chéo.' },
        {
          name: 'leader-ballot',
          caption: 'Cuộc bỏ phiếu đã đóng: kết quả công bố, không lộ đơn vị nào bầu gì.',
        },
      ],
    },
    {
      id: 'head',
      title: 'Trưởng khối (cán bộ và lãnh đạo đơn vị Trưởng khối)',
      who: 'Điều hành năm thi đua của Khối. Cán bộ soạn; lãnh đạo ban hành, đóng vòng chấm, công bố, mở và đóng cuộc bỏ phiếu.',
      calendar: [
        {
          when: 'Tháng 1–2',
          what: 'Xây dựng bảng tiêu chí chấm điểm (mục Chấm điểm → Tiêu chí); soạn kế hoạch năm.',
        },
        {
          when: 'Tháng 3',
          what: 'Lãnh đạo ban hành kế hoạch: mỗi đơn vị nhận nhiệm vụ và hạn. Soạn, lấy ý kiến và ban hành giao ước; tổ chức Hội nghị ký kết (mục Sự kiện). Nhận hoặc trả lại đăng ký; gửi bảng tổng hợp đăng ký cho Hội đồng TĐKT thành phố và ghi lại số văn bản.',
        },
        {
          when: 'Tháng 6–7',
          what: 'Theo dõi bảng tiến độ, nhắc đơn vị chậm; tổng hợp báo cáo sơ kết 6 tháng gửi UBND thành phố.',
        },
        {
          when: 'Tháng 11',
          what: 'Mở vòng chấm điểm cuối năm với hạn nộp; chọn điển hình trình bày tại hội nghị.',
        },
        {
          when: 'Tháng 12',
          what: 'Đóng vòng chấm, xem kết quả và phân tích, công bố. Tổ chức hội nghị tổng kết: điểm danh, biên bản; lập danh sách đề nghị khen thưởng (trang “Đề nghị khen thưởng”, mỗi thay đổi kèm lý do), bỏ phiếu bình xét và bầu Trưởng khối, Phó khối năm sau; tải biên bản họp bình xét, tờ trình và hồ sơ (trang “Tờ trình & quyết định”) và ghi ngày gửi Hội đồng TĐKT thành phố.',
        },
      ],
      shots: [
        { name: 'head-plan', caption: 'Kế hoạch năm đã ban hành: các mốc theo quý và hạn.' },
        { name: 'head-board', caption: 'Bảng tiến độ: nhiệm vụ của từng đơn vị, nút nhắc đơn vị chậm.' },
        { name: 'head-registrations', caption: 'Đăng ký của các đơn vị và bảng tổng hợp gửi Hội đồng.' },
        { name: 'head-event', caption: 'Hội nghị tổng kết: điểm danh và biên bản đính kèm.' },
        { name: 'head-results', caption: 'Kết quả chấm điểm đã công bố: xếp hạng, tải .xlsx/.docx.' },
      ],
    },
    {
      id: 'deputy',
      title: 'Phó khối',
      who: 'Phối hợp với Trưởng khối đôn đốc báo cáo; chấm điểm như mọi đơn vị.',
      calendar: [
        { when: 'Cả năm', what: 'Xem bảng tiến độ nhiệm vụ và nhắc đơn vị chậm.' },
        {
          when: 'Tháng 12',
          what: 'Xem tiến độ nộp bảng chấm điểm (ai đã nộp, không thấy điểm); lãnh đạo Phó khối duyệt đề nghị mở lại bảng điểm của chính đơn vị Trưởng khối.',
        },
      ],
      shots: [{ name: 'deputy-progress', caption: 'Tiến độ vòng chấm điểm: đơn vị nào đã nộp, lúc nào.' }],
    },
    {
      id: 'board',
      title: 'Ban Thi đua - Khen thưởng thành phố',
      who: 'Theo dõi mọi cụm, khối của thành phố.',
      calendar: [
        {
          when: 'Đầu năm',
          what: 'Cập nhật danh mục danh hiệu, hình thức khen thưởng của năm (mục Danh mục danh hiệu).',
        },
        {
          when: 'Cả năm',
          what: 'Xem tiến độ và kết quả của từng khối; duyệt đề nghị mở lại bảng điểm sau khi kết quả đã công bố.',
        },
        {
          when: 'Tháng 12 – tháng 1',
          what: 'Nhận bảng tổng hợp đăng ký, kết quả và tờ trình đề nghị khen thưởng của các khối; ghi quyết định của Hội đồng cho từng dòng (kèm tệp quyết định); tra cứu khen thưởng và xuất .xlsx; bật, tắt trang kết quả công khai của từng khối.',
        },
      ],
      shots: [{ name: 'board-home', caption: 'Trang chủ của Ban TĐKT: các khối và năm thi đua.' }],
    },
    {
      id: 'admin',
      title: 'Quản trị hệ thống',
      who: 'Khai báo cụm/khối, đơn vị, năm thi đua (Trưởng khối, Phó khối) và tài khoản; xem nhật ký và hộp thư đi.',
      calendar: [
        {
          when: 'Tháng 12 – tháng 1',
          what: 'Tạo năm thi đua mới (hoặc Trưởng khối tạo từ kết quả bầu); nhập đơn vị và tài khoản từ tệp .xlsx/.csv.',
        },
        {
          when: 'Khi cần',
          what: 'Cấp lại mật khẩu, khóa tài khoản; sao lưu cơ sở dữ liệu (xem phần Quản trị bên dưới).',
        },
      ],
      shots: [{ name: 'admin-years', caption: 'Năm thi đua: thành viên, Trưởng khối, Phó khối.' }],
    },
  ],
  adminTitle: 'Cài đặt và vận hành (cho người quản trị)',
  admin: [
    {
      title: 'Cài đặt, chạy thử',
      text: 'Cần Node.js 20.19 trở lên. Lần đầu chạy với cơ sở dữ liệu trống (không phải production), ứng dụng nạp dữ liệu mẫu: DEMO=living (mặc định: năm 2024 đã tổng kết, năm nay đang diễn ra) hoặc DEMO=seed (chỉ năm 2024 như kế hoạch mẫu).',
      code: 'npm ci && npm start\n# mở http://localhost:3000, đăng nhập bằng tài khoản mẫu, mật khẩu thidua-demo',
    },
    {
      title: 'Cấu hình (biến môi trường)',
      text: 'PORT (3000), HOST, PUBLIC_URL (địa chỉ người dùng mở, dùng trong thư và lịch), DATA_DIR (./data), DATABASE_URL, NODE_ENV, SESSION_TTL_HOURS (12), COOKIE_SECURE, TRUST_PROXY, LOG_LEVEL, DEMO, REMINDERS_ENABLED, REMINDER_OFFSETS_DAYS (7,1), PDF_CONCURRENCY, PDF_QUEUE_LENGTH, PDF_CACHE_MB, SQLITE_SYNCHRONOUS, PG_POOL_SIZE, PG_PREPARED_STATEMENTS. Giá trị sai: ứng dụng dừng và nêu tên biến.',
      code: 'NODE_ENV=production PUBLIC_URL=https://thidua.example.gov.vn npx thidua serve\nNODE_ENV=production npx thidua create-admin --login quantri --full-name "Quản trị hệ thống"',
    },
    {
      title: 'Sao lưu và khôi phục (SQLite)',
      text: 'Dữ liệu nằm trong DATA_DIR: tệp thidua.sqlite và thư mục uploads/. Lệnh backup sao chép nhất quán khi ứng dụng vẫn chạy, kiểm tra toàn vẹn, không ghi đè; sao chép kèm thư mục uploads/. Khôi phục: dừng ứng dụng, xóa thidua.sqlite-wal và thidua.sqlite-shm, chép bản sao lưu đè lên thidua.sqlite, đặt lại uploads/, chạy lại.',
      code: 'npx thidua backup                 # DATA_DIR/backups/thidua-<ngày>-<giờ>.sqlite\nnpx thidua backup --to /sao-luu/thidua.sqlite',
    },
    {
      title: 'PostgreSQL',
      text: 'Đặt DATABASE_URL; cấu trúc được cập nhật khi chạy (hoặc npx thidua migrate). Nhiều máy chủ ứng dụng có thể dùng chung một cơ sở dữ liệu. Sao lưu bằng pg_dump, khôi phục bằng pg_restore; sao lưu cả DATA_DIR/uploads/.',
      code: 'createdb thidua\nDATABASE_URL=postgres://user:matkhau@127.0.0.1:5432/thidua npm start\npg_dump -Fc thidua > thidua.dump',
    },
    {
      title: 'Thư điện tử',
      text: 'Đặt SMTP_HOST (và SMTP_PORT, mặc định 587 hoặc 465 khi SMTP_SECURE=true; SMTP_USER, SMTP_PASS, SMTP_FROM). Chưa đặt SMTP_HOST thì thư chờ trong Hộp thư đi (mục quản trị) và vẫn có thông báo trong ứng dụng.',
      code: 'SMTP_HOST=smtp.example.gov.vn SMTP_USER=thidua SMTP_PASS=... SMTP_FROM="ThiĐua <thidua@example.gov.vn>"',
    },
  ],
};
