/**
 * The demo bloc: the 2024 emulation bloc of the city's economic-management agencies from the seed plan
 * (Hải Phòng, 1192/KH-KTĐ). The head unit is named in the plan; the deputy and the other members are
 * sample data chosen to look like such a bloc, and are flagged `isSample`.
 */
export const DEMO_PASSWORD = 'thidua-demo';

export const demoBloc = {
  kind: 'bloc' as const,
  name: 'Khối thi đua các cơ quan Quản lý kinh tế thành phố',
  shortName: 'Khối QLKT',
  governingBody: 'UBND THÀNH PHỐ HẢI PHÒNG',
  place: 'Hải Phòng',
  description:
    'Khối thi đua theo Quyết định số 3700/QĐ-UBND ngày 08/11/2023 của UBND thành phố Hải Phòng. Dữ liệu mẫu để dùng thử.',
};

export const demoYear = 2024;

export interface DemoUnit {
  code: string;
  name: string;
  shortName: string;
  role: 'head' | 'deputy' | 'member';
  officer: string;
  leader: string;
}

export const demoUnits: DemoUnit[] = [
  {
    code: 'bqlkkt',
    name: 'Ban Quản lý Khu kinh tế Hải Phòng',
    shortName: 'BQL KKT',
    role: 'head',
    officer: 'Trần Thị Thu Hà',
    leader: 'Bùi Ngọc Hải',
  },
  {
    code: 'skhdt',
    name: 'Sở Kế hoạch và Đầu tư',
    shortName: 'Sở KH&ĐT',
    role: 'deputy',
    officer: 'Nguyễn Minh Tuấn',
    leader: 'Phạm Văn Long',
  },
  {
    code: 'stc',
    name: 'Sở Tài chính',
    shortName: 'STC',
    role: 'member',
    officer: 'Lê Thị Hồng Nhung',
    leader: 'Đỗ Quang Vinh',
  },
  {
    code: 'sct',
    name: 'Sở Công Thương',
    shortName: 'SCT',
    role: 'member',
    officer: 'Vũ Đức Anh',
    leader: 'Hoàng Thị Lan',
  },
  {
    code: 'cthue',
    name: 'Cục Thuế thành phố',
    shortName: 'Cục Thuế',
    role: 'member',
    officer: 'Đặng Thu Trang',
    leader: 'Ngô Văn Hùng',
  },
  {
    code: 'chq',
    name: 'Cục Hải quan thành phố',
    shortName: 'Cục HQ',
    role: 'member',
    officer: 'Phan Quốc Bảo',
    leader: 'Mai Thị Thanh',
  },
  {
    code: 'kbnn',
    name: 'Kho bạc Nhà nước thành phố',
    shortName: 'KBNN',
    role: 'member',
    officer: 'Trịnh Văn Nam',
    leader: 'Lương Thị Hoa',
  },
];

export const demoBoardAccount = {
  login: 'ban-tdkt',
  fullName: 'Chuyên viên Ban Thi đua - Khen thưởng thành phố',
};
export const demoAdminAccount = { login: 'admin', fullName: 'Quản trị hệ thống' };
