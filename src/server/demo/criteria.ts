import type { CriterionNode } from '../../domain/criteria';

type Spec = [code: string, text: string, max: number, children?: Spec[], guidance?: string];

const build =
  (prefix: string, kind: CriterionNode['kind'], step: number) =>
  (specs: Spec[]): CriterionNode[] =>
    specs.map(([code, text, max, children = [], guidance]) => {
      const id = `${prefix}${code}`.toLowerCase();
      return {
        id,
        code,
        text,
        kind,
        maxPoints: max * 100,
        step,
        guidance: guidance ?? null,
        children: build(`${id}.`, kind, step)(children),
      };
    });

/**
 * A realistic sample criteria set for the demo bloc (clearly sample data): five sections, 100 points of
 * normal criteria, up to 5 bonus points and up to 10 points of deductions.
 */
export const demoCriteriaTree: CriterionNode[] = [
  ...build(
    '',
    'normal',
    50,
  )([
    [
      'I',
      'Thực hiện nhiệm vụ chính trị, các chỉ tiêu kinh tế - xã hội được giao',
      40,
      [
        [
          '1',
          'Hoàn thành các chỉ tiêu, nhiệm vụ được giao trong năm',
          20,
          [
            [
              'a',
              'Hoàn thành 100% chỉ tiêu kế hoạch năm',
              10,
              [],
              'Hoàn thành 100%: 10 điểm; mỗi 5% chưa đạt trừ 1 điểm.',
            ],
            [
              'b',
              'Tiến độ, chất lượng thực hiện các nhiệm vụ trọng tâm',
              10,
              [],
              'Căn cứ báo cáo tổng kết và đánh giá của cấp trên.',
            ],
          ],
        ],
        [
          '2',
          'Cải cách hành chính, chuyển đổi số',
          10,
          [
            ['a', 'Chỉ số cải cách hành chính (PAR Index) của đơn vị', 5],
            ['b', 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến', 5],
          ],
        ],
        [
          '3',
          'Thực hiện chủ đề năm 2024 của thành phố',
          10,
          [],
          'Có kế hoạch, sản phẩm cụ thể hưởng ứng chủ đề năm.',
        ],
      ],
    ],
    [
      'II',
      'Công tác thi đua, khen thưởng',
      30,
      [
        ['1', 'Xây dựng kế hoạch, phát động phong trào thi đua', 8],
        ['2', 'Đăng ký thi đua và ký kết giao ước thi đua của Khối', 5],
        ['3', 'Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến', 7],
        [
          '4',
          'Gửi báo cáo sơ kết, tổng kết đúng thời hạn, đúng quy định',
          10,
          [],
          'Gửi đúng hạn cả hai báo cáo: 10 điểm; mỗi báo cáo chậm trừ 5 điểm.',
        ],
      ],
    ],
    [
      'III',
      'Xây dựng tổ chức Đảng, đoàn thể và tham gia hoạt động chung của Khối',
      30,
      [
        ['1', 'Tổ chức Đảng được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên', 10],
        ['2', 'Công đoàn, Đoàn Thanh niên được đánh giá vững mạnh', 5],
        ['3', 'Tham gia đầy đủ hội nghị, sinh hoạt chung của Khối', 8],
        ['4', 'Tham gia giao lưu văn nghệ, thể thao, học tập kinh nghiệm', 7],
      ],
    ],
  ]),
  ...build(
    '',
    'bonus',
    50,
  )([
    [
      'IV',
      'Điểm thưởng',
      5,
      [
        ['1', 'Có sáng kiến, mô hình mới được cấp có thẩm quyền công nhận', 3],
        ['2', 'Được cấp trên khen thưởng đột xuất, biểu dương', 3],
      ],
    ],
  ]),
  ...build(
    '',
    'deduction',
    100,
  )([
    [
      'V',
      'Điểm trừ',
      10,
      [
        ['1', 'Chậm gửi báo cáo, văn bản theo yêu cầu của Khối (mỗi lần trừ 1 điểm)', 5],
        ['2', 'Có cán bộ, công chức bị kỷ luật trong năm', 5],
      ],
    ],
  ]),
];
