import { describe, expect, it } from 'vitest';
import { flatten } from './criteria';
import { kindFromPhrase, parseCriteriaSheet, type SheetRow } from './criteria-import';

/** Rows as a sheet would give them: row numbers counted from 1, empty rows left out. */
const sheet = (rows: (string[] | null)[]): SheetRow[] =>
  rows.flatMap((cells, i) => (cells ? [{ row: i + 1, cells }] : []));

const shape = (tree: ReturnType<typeof parseCriteriaSheet>['tree']) =>
  flatten(tree).map((n) => `${n.code}|${n.kind}|${n.maxPoints}`);

describe('criteria sheets as provinces circulate them', () => {
  it('finds the header under title rows, reads I/1/a) codes, ignores extra columns, checks the total row', () => {
    const r = parseCriteriaSheet(
      sheet([
        ['UBND THÀNH PHỐ HẢI PHÒNG', '', '', '', ''],
        ['KHỐI THI ĐUA CÁC CƠ QUAN QUẢN LÝ KINH TẾ', '', '', '', ''],
        null,
        ['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2024', '', '', '', ''],
        null,
        ['TT', 'NỘI DUNG TIÊU CHÍ', 'Điểm tối đa', 'Điểm tự chấm', 'Ghi chú'],
        ['I', 'Công tác tuyên truyền', '10', '', ''],
        ['1.', 'Tuyên truyền chủ trương', '6', '5', 'x'],
        ['2.', 'Bảo vệ môi trường', '4', '', ''],
        ['II', 'Công tác thi đua, khen thưởng', '20', '', ''],
        ['1', 'Xây dựng kế hoạch', '20', '', ''],
        ['a)', 'Ban hành đúng hạn', '10', '', ''],
        ['b)', 'Tổ chức thực hiện', '10', '', ''],
        ['III', 'Điểm thưởng', '5', '', ''],
        ['1', 'Sáng kiến', '5', '', ''],
        ['IV', 'Các nội dung trừ điểm', '10', '', ''],
        ['1', 'Chậm báo cáo', '10', '', ''],
        ['', 'Tổng cộng', '30', '', ''],
        ['', 'Người lập bảng', '', '', ''],
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.headerRow).toBe(6);
    expect(shape(r.tree)).toEqual([
      'I|normal|1000',
      '1|normal|600',
      '2|normal|400',
      'II|normal|2000',
      '1|normal|2000',
      'a|normal|1000',
      'b|normal|1000',
      'III|bonus|500',
      '1|bonus|500',
      'IV|deduction|1000',
      '1|deduction|1000',
    ]);
  });

  it('reads 1.1 sub-criteria and a. letters, accents or not, any case, and a section max left empty', () => {
    const r = parseCriteriaSheet(
      sheet([
        ['stt', 'noi dung', 'thang diem', 'huong dan cham'],
        ['A', 'Nhiem vu chuyen mon', '', ''],
        ['1', 'Chi tieu', '10', ''],
        ['1.1', 'Chi tieu 1', '6', 'Dat: 6'],
        ['1.2', 'Chi tieu 2', '4', ''],
        ['2', 'Cai cach', '5', ''],
        ['a.', 'PAR index', '2,5', ''],
        ['b.', 'Mot cua', '2.5', ''],
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(shape(r.tree)).toEqual([
      'A|normal|1500',
      '1|normal|1000',
      '1.1|normal|600',
      '1.2|normal|400',
      '2|normal|500',
      'a|normal|250',
      'b|normal|250',
    ]);
    expect(flatten(r.tree)[2]!.guidance).toBe('Dat: 6');
  });

  it('never guesses a kind from fragments of words', () => {
    for (const text of [
      'Công tác tuyên truyền',
      'Bảo vệ môi trường',
      'Công tác thi đua, khen thưởng',
      'Thường xuyên',
    ]) {
      expect(kindFromPhrase(text)).toBeNull();
    }
    expect(kindFromPhrase('V. ĐIỂM CỘNG')).toBe('bonus');
    expect(kindFromPhrase('Điểm trừ (tối đa 10 điểm)')).toBe('deduction');
  });

  it('reports each problem by the row and the column the user sees', () => {
    const r = parseCriteriaSheet(
      sheet([
        ['Bảng điểm'],
        ['STT', 'Nội dung tiêu chí', 'Điểm tối đa'],
        ['I', 'Nhiệm vụ', '10'],
        ['1', 'Chỉ tiêu', 'mười'],
        ['#', 'Không rõ', '5'],
        ['2.1', 'Lạc chỗ', '1'],
      ]),
    );
    expect(r.errors).toEqual([
      {
        row: 4,
        column: 'Điểm tối đa',
        columnLetter: 'C',
        message: 'Điểm tối đa: "mười" phải là số lớn hơn 0, tối đa 2 chữ số thập phân',
      },
      {
        row: 5,
        column: 'STT',
        columnLetter: 'A',
        message: 'STT: "#" không phải I, II…; 1, 2…; 1.1…; hoặc a), b)…',
      },
      {
        row: 6,
        column: 'STT',
        columnLetter: 'A',
        message: 'STT: mục "2.1" nằm dưới mục "1", không phải mục "2"',
      },
    ]);
  });

  it("reports a parent whose children's maxima add up to more than its own, and a wrong total", () => {
    const r = parseCriteriaSheet(
      sheet([
        ['STT', 'Nội dung tiêu chí', 'Điểm tối đa'],
        ['I', 'Nhiệm vụ', '10'],
        ['1', 'Một', '6'],
        ['2', 'Hai', '6'],
      ]),
    );
    expect(r.errors).toEqual([
      {
        row: 2,
        column: 'Điểm tối đa',
        columnLetter: 'C',
        message: 'Mục I: tổng điểm tối đa các tiêu chí con (12) vượt điểm tối đa 10 của mục',
      },
    ]);
    const total = parseCriteriaSheet(
      sheet([
        ['STT', 'Nội dung tiêu chí', 'Điểm tối đa'],
        ['I', 'Nhiệm vụ', '10'],
        ['', 'Cộng', '12'],
      ]),
    );
    expect(total.errors[0]).toMatchObject({
      row: 3,
      column: 'Điểm tối đa',
      message: 'Tổng cộng: 12 khác tổng điểm tối đa các mục (10)',
    });
  });

  it('says when the header cannot be found in the first rows', () => {
    const r = parseCriteriaSheet(
      sheet([
        ['Số', 'Tên'],
        ['1', 'x'],
      ]),
    );
    expect(r.errors[0]!.message).toMatch(/Không tìm thấy dòng tiêu đề/);
    expect(r.tree).toEqual([]);
  });
});
