/**
 * The demo bloc's plan: the seed plan (Kế hoạch 1192/KH-KTĐ, Hải Phòng, 20/3/2024) entered as data, word
 * for word — including its slips ("trước ngày 07/6/2023" in a 2024 plan, "Trường khối"), which validation
 * flags and the real bloc published anyway. Published as version 1 with that warning acknowledged.
 */
import type { TMilestoneInput, TPlanContentInput } from '../../shared/plans';
import type { Ctx } from '../context';
import type { Tx } from '../db/schema';
import { createPlan, publishPlan, savePlan } from '../modules/plans/plan-service';

const BQL = 'Ban Quản lý Khu kinh tế Hải Phòng';
export const DEMO_THEME =
  'Đẩy mạnh chính trang, hiện đại hóa đô thị - Xây dựng nông thôn mới kiểu mẫu - Tăng cường thực hiện các chính sách xã hội và chuyển đổi số';

const milestones: TMilestoneInput[] = [
  {
    quarter: 1,
    responsible: 'head',
    deliverables: ['manual'],
    title: 'Xây dựng Kế hoạch công tác thi đua, khen thưởng của Khối năm 2024',
    description: 'Xây dựng Kế hoạch công tác thi đua, khen thưởng của Khối năm 2024.',
  },
  {
    quarter: 1,
    responsible: 'head',
    deliverables: ['manual'],
    title: 'Xây dựng tiêu chí, nội dung chấm điểm thi đua năm 2024',
    description: 'Xây dựng tiêu chí, nội dung chấm điểm thi đua của Khối năm 2024.',
  },
  {
    quarter: 1,
    responsible: 'members',
    deliverables: ['covenant-signature'],
    title: 'Ký kết giao ước thi đua năm 2024',
    description:
      'Thống nhất nội dung đăng ký thi đua và tổ chức Hội nghị ký kết giao ước thi đua năm 2024 giữa các đơn vị trong Khối.',
  },
  {
    quarter: 1,
    responsible: 'members',
    deliverables: ['registration'],
    title: 'Đăng ký danh hiệu Cờ Thi đua xuất sắc và Bằng khen năm 2024',
    description: `Các đơn vị đăng ký danh hiệu Cờ Thi đua xuất sắc và Bằng khen năm 2024 của Ủy ban nhân dân thành phố với Trưởng Khối thi đua (${BQL}) để tổng hợp, đăng ký với Hội đồng Thi đua - Khen thưởng thành phố theo quy định.`,
  },
  {
    quarter: 1,
    responsible: 'members',
    deliverables: ['manual'],
    title: 'Phát động phong trào thi đua năm 2024 tại đơn vị',
    description:
      'Các đơn vị phát động và tổ chức các phong trào thi đua phấn đấu thực hiện thắng lợi nhiệm vụ chính trị, các chỉ tiêu kinh tế - xã hội được giao trong năm 2024.',
  },
  {
    quarter: 2,
    responsible: 'members',
    deliverables: ['manual'],
    title: 'Sơ kết công tác 6 tháng đầu năm 2024 tại đơn vị',
    description:
      'Các đơn vị trong Khối thi đua hoàn thành sơ kết công tác 6 tháng đầu năm 2024, đề ra các giải pháp đẩy mạnh phong trào thi đua 6 tháng cuối năm.',
  },
  {
    quarter: 2,
    responsible: 'members',
    deliverables: ['report-mid-year'],
    // As written in the seed: 2023 in a 2024 plan. Validation flags it; the bloc published it anyway.
    deadlineBeforeDay: '2023-06-07',
    title: 'Gửi Báo cáo sơ kết 6 tháng đầu năm 2024',
    description: `Gửi Báo cáo Sơ kết công tác thi đua khen thưởng 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2024 về ${BQL} {deadline}.`,
  },
  {
    quarter: 3,
    responsible: 'head',
    deliverables: ['manual'],
    title: 'Báo cáo sơ kết 6 tháng của Khối gửi UBND thành phố',
    description:
      'Xây dựng Báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2024 của Khối thi đua gửi Ủy ban nhân dân thành phố và các đơn vị thành viên trong Khối.',
  },
  {
    quarter: 3,
    responsible: 'head',
    deliverables: ['manual'],
    title: 'Kế hoạch tổ chức tổng kết công tác thi đua của Khối',
    description: 'Xây dựng Kế hoạch tổ chức tổng kết công tác thi đua của Khối.',
  },
  {
    quarter: 3,
    responsible: 'council',
    deliverables: ['manual'],
    title: 'Nội dung thi đua khác do Hội đồng TĐKT thành phố chỉ đạo',
    description: 'Thực hiện các nội dung thi đua khác do Hội đồng Thi đua - Khen thưởng thành phố chỉ đạo.',
  },
  {
    quarter: 4,
    responsible: 'members',
    deliverables: ['report-year-end', 'score-sheets'],
    deadlineBeforeDay: '2024-12-08',
    title: 'Gửi báo cáo tổng kết và bảng chấm điểm năm 2024',
    description: `Các đơn vị trong Khối gửi báo cáo tổng kết và bảng chấm điểm (gồm bảng điểm đơn vị tự chấm và bảng điểm chấm chéo cho các đơn vị trong Khối) về ${BQL} {deadline} để tổng hợp báo cáo chung.`,
  },
  {
    quarter: 4,
    responsible: 'head',
    deliverables: ['event'],
    title: 'Hội nghị tổng kết phong trào thi đua năm 2024',
    description:
      'Tổ chức Hội nghị tổng kết phong trào thi đua Khối các cơ quan Quản lý kinh tế thành phố năm 2024; bình xét danh hiệu thi đua và hình thức khen thưởng năm 2024 cho các đơn vị trong Khối.',
  },
];

export const demoPlanContent: TPlanContentInput = {
  docNumber: '1192/KH-KTĐ',
  place: 'Hải Phòng',
  issueDate: '2024-03-20',
  subject:
    'Triển khai công tác Thi đua, khen thưởng năm 2024\nKhối thi đua các cơ quan Quản lý kinh tế thành phố',
  signer: { authority: 'KT. TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN', name: 'BÙI NGỌC HẢI' },
  legalBases: [
    'Căn cứ Quyết định số 3700/QĐ-UBND ngày 08/11/2023 của UBND thành phố Hải Phòng về việc thành lập các cụm, khối thi đua trên địa bàn thành phố;',
    'Căn cứ kết quả bầu Trưởng khối và Phó trưởng khối, Khối thi đua các cơ quan Quản lý kinh tế thành phố năm 2024 ngày 27/12/2023;',
  ],
  intro:
    'Khối thi đua các cơ quan Quản lý kinh tế thành phố xây dựng Kế hoạch triển khai công tác thi đua, khen thưởng năm 2024 với các nội dung trọng tâm như sau:',
  theme: DEMO_THEME,
  purposes: [
    'Tổ chức thực hiện phong trào thi đua Khối các cơ quan Quản lý kinh tế thành phố năm 2024 nhằm tạo động lực cho cán bộ, công chức, viên chức và người lao động của các đơn vị trong Khối phấn đấu nâng cao năng suất, chất lượng, hiệu quả công việc, thực hiện thắng lợi nhiệm vụ chính trị, các chỉ tiêu kinh tế - xã hội được giao.',
  ],
  requirements: [
    `Phát động phong trào thi đua sâu rộng trong toàn Khối, tích cực triển khai và tổ chức thực hiện toàn diện các nội dung ký kết giao ước thi đua với phương châm thiết thực, chất lượng, hiệu quả và phù hợp với mục tiêu, chương trình công tác của từng đơn vị trong Khối, thực hiện tốt chủ đề năm 2024 của thành phố “${DEMO_THEME}”.`,
    'Định kỳ tiến hành kiểm tra, đánh giá và tổng kết các phong trào thi đua; căn cứ kết quả hoàn thành các chỉ tiêu kinh tế - xã hội và hiệu quả quản lý Nhà nước trên các lĩnh vực để bình chọn danh hiệu thi đua và hình thức khen thưởng. Quá trình bình xét các danh hiệu thi đua và hình thức khen thưởng phải đảm bảo công khai, dân chủ. Lựa chọn và nhân rộng các điển hình tiên tiến để trao đổi, học tập kinh nghiệm trong từng đơn vị và toàn Khối.',
  ],
  scoring: {
    title:
      'Xây dựng tiêu chí thi đua và bảng điểm đánh giá phong trào thi đua khen thưởng năm 2024 làm căn cứ đánh giá, bình xét thi đua cuối năm 2024 của các đơn vị trong Khối',
    paragraphs: [
      {
        kind: 'paragraph',
        text: 'Căn cứ tiêu chí chấm điểm thi đua, các đơn vị trong Khối tự chấm điểm đơn vị mình và chấm điểm cho các đơn vị trong Khối (Bảng chấm điểm gửi kèm).',
      },
      { kind: 'subheading', text: 'Căn cứ đánh giá, bình xét thi đua năm 2024:' },
      {
        kind: 'paragraph',
        text: 'Điểm của từng đơn vị được xác định là điểm trung bình cộng của Điểm đơn vị tự chấm và Điểm của 6 đơn vị trong Khối chấm chéo.',
      },
    ],
    formula: 'Điểm của từng đơn vị = (Điểm đơn vị tự chấm + Điểm của 6 đơn vị trong Khối chấm chéo)/7.',
  },
  milestones,
  organization: {
    head: {
      title: `${BQL}, Trưởng khối thi đua Khối các cơ quan Quản lý kinh tế thành phố năm 2024`,
      items: [
        'Triển khai công tác Thi đua, khen thưởng toàn Khối. Chủ trì ký kết giao ước thi đua giữa các đơn vị trong Khối các cơ quan Quản lý kinh tế thành phố năm 2024.',
        'Dự thảo các văn bản phục vụ công tác thi đua, khen thưởng của Khối.',
        'Xây dựng Kế hoạch tổ chức giao lưu văn nghệ, thể thao; Kế hoạch học tập kinh nghiệm về công tác Thi đua, khen thưởng và nghe báo cáo phong trào thi đua của một số đơn vị trong Khối.',
        'Là đầu mối tổng hợp thành tích thi đua, khen thưởng của các đơn vị trong Khối, trên cơ sở đó trình cấp có thẩm quyền khen thưởng. Tổ chức Hội nghị ký kết giao ước thi đua, sơ kết, tổng kết công tác thi đua, khen thưởng năm 2024 của Khối đúng thời hạn quy định.',
      ],
    },
    deputy: {
      title: 'Phó khối thi đua các cơ quan Quản lý kinh tế thành phố năm 2024.',
      items: [
        `Phối hợp với Trường khối thi đua (${BQL}) đôn đốc, tổng hợp các báo cáo định kỳ 6 tháng và cuối năm của các đơn vị trong khối thi đua.`,
        'Phối hợp tổ chức các hoạt động giao lưu, văn nghệ, thể thao của khối thi đua.',
      ],
    },
    members: {
      title: 'Các đơn vị trong Khối',
      items: [
        'Phối hợp triển khai thực hiện công tác thi đua, khen thưởng năm 2024 theo kế hoạch của đơn vị mình. Chủ động duy trì thường xuyên phong trào thi đua yêu nước trong ngành mình, phát hiện và nhân rộng những điển hình tiên tiến.',
        'Triển khai các hoạt động thiết thực hưởng ứng phong trào thi đua của Khối; phát động tới toàn thể cán bộ, công chức, viên chức và người lao động thực hiện tốt nhiệm vụ chuyên môn của ngành, của đơn vị mình, tích cực tham gia các phong trào, các hoạt động giao lưu văn nghệ, thể thao của Khối để phong trào thi đua của Khối đảm bảo toàn diện, chất lượng, hiệu quả.',
        'Gửi báo cáo sơ kết, tổng kết bảng chấm điểm về Trường khối thi đua theo đúng thời hạn quy định./.',
      ],
    },
  },
  recipients: [
    'Hội đồng TĐKT TP (để b/c)',
    'Ban TĐKT thành phố (để b/c)',
    'Các đơn vị trong khối',
    'Lưu: VT, VP',
  ],
};

/**
 * The head's secretariat enters the seed plan; the head unit's leader publishes it as version 1 (it goes
 * out in the signer's name), acknowledging the warnings the seed itself raises, as the real bloc did, so
 * that the demo units have their tasks.
 */
export async function seedDemoPlan(tx: Tx, yearId: string, secretariat: Ctx, leader: Ctx): Promise<void> {
  const plan = await createPlan(tx, yearId, secretariat);
  const saved = await savePlan(
    tx,
    plan.id,
    { content: demoPlanContent, revision: plan.revision },
    secretariat,
  );
  await publishPlan(
    tx,
    plan.id,
    { acknowledgedWarnings: saved.warnings.map((w) => w.id), revision: saved.revision },
    leader,
  );
}
