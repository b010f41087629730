/**
 * The rest of the demo's finished year, through the services, each step at the moment it would have
 * happened: in March the covenant (drafted, published, signed by every unit's leader at the signing
 * conference) and the title registrations (sent by each leader, accepted by the head, the summary sent to
 * the Council); in the autumn two exemplary models; in December the nominations (awards.ts), the approval
 * ballot made from them, the year-end conference with its election of next year's head and deputy, and the
 * proposal to the Council, decided in January.
 */
import { ZRegistrationInputSchema } from '../../shared/registrations';
import { ZBallotCreateSchema, type TBallot, type TBallotCreate } from '../../shared/ballots';
import { atInstant as at } from '../clock';
import type { Tx } from '../db/schema';
import { createBallot, openBallot } from '../modules/ballots/service';
import { vote } from '../modules/ballots/voting-service';
import { publishCovenant, saveCovenantDraft, signCovenant } from '../modules/covenants/service';
import { createEvent, listEvents, recordAttendance } from '../modules/events/event-service';
import { markExemplar, publishExemplar } from '../modules/events/exemplar-service';
import { attachToEvent } from '../modules/events/files-service';
import { acceptRegistration, recordDispatch } from '../modules/registrations/review-service';
import { getMyRegistration, submitRegistration } from '../modules/registrations/service';
import type { FileStore } from '../storage/file-store';
import { demoUnits, demoYear } from './data';
import type { DemoPeople } from './life';
import { ballotFromLines, nominate, proposeAndDecide } from './awards';
import { demoMinutesDocx, type DemoMinutes } from './minutes';

const Y = demoYear;
const HALL = 'Hội trường Ban Quản lý Khu kinh tế Hải Phòng, số 24 Cù Chính Lan, Hồng Bàng, Hải Phòng';

/** What each unit registers, in the demo's unit order: the head and the deputy aim for the flag. */
const registrationOf = (i: number) =>
  ZRegistrationInputSchema.parse({
    items: [
      { code: i < 2 ? 'co-thi-dua' : i < 5 ? 'bang-khen' : 'tap-the-ldxs' },
      { code: 'cstd-thanh-pho', nominee: demoUnits[i]!.officer },
    ],
    commitments: `Hoàn thành xuất sắc nhiệm vụ chính trị năm ${Y}; thực hiện đầy đủ các nội dung giao ước thi đua của Khối; không có cán bộ, công chức vi phạm kỷ luật.`,
  });

const covenantText = {
  title: `Giao ước thi đua năm ${Y} của Khối thi đua các cơ quan Quản lý kinh tế thành phố`,
  body: `Thực hiện Kế hoạch số 1192/KH-KTĐ ngày 20/3/${Y} của Khối thi đua các cơ quan Quản lý kinh tế thành phố, các đơn vị trong Khối thống nhất ký kết giao ước thi đua năm ${Y} với các nội dung sau.`,
  commitments: [
    'Hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ chính trị được giao năm 2024.',
    'Đẩy mạnh cải cách hành chính, chuyển đổi số; giải quyết thủ tục hành chính đúng hạn.',
    'Thực hiện tốt công tác thi đua, khen thưởng; phát hiện, nhân rộng điển hình tiên tiến.',
    'Gửi báo cáo sơ kết, tổng kết và bảng chấm điểm về Trưởng khối đúng thời hạn.',
  ],
};

/** An event held with every unit present, its minutes attached the next day. */
async function holdEvent(
  tx: Tx,
  yearId: string,
  people: DemoPeople,
  files: FileStore,
  e: { kind: 'covenant-signing' | 'year-end-conference'; milestoneId: string | null; createdAt: string },
  minutes: DemoMinutes,
  during: () => Promise<void>,
): Promise<void> {
  const unitIds = people.leaders.map((l) => l.unitId);
  const event = await at(e.createdAt, () =>
    createEvent(
      tx,
      yearId,
      {
        kind: e.kind,
        title: minutes.title,
        startsAt: `${minutes.date.toISOString().slice(0, 10)}T08:00:00+07:00`,
        endsAt: `${minutes.date.toISOString().slice(0, 10)}T11:30:00+07:00`,
        location: minutes.place,
        hostUnitId: unitIds[0]!,
        unitIds,
        agenda: minutes.agreed.join('\n'),
        milestoneId: e.milestoneId,
      },
      people.headOfficer,
    ),
  );
  await during();
  const nextDay = new Date(minutes.date.getTime() + 24 * 3600_000).toISOString();
  await at(nextDay, async () => {
    const items = unitIds.map((unitId) => ({ unitId, attendance: 'present' as const }));
    await recordAttendance(tx, event.id, { items }, people.headOfficer);
    const data = await demoMinutesDocx(minutes);
    const filename = `Biên bản ${minutes.title}.docx`;
    await attachToEvent(
      tx,
      event.id,
      'minutes',
      () => Promise.resolve({ data, filename }),
      files,
      people.headOfficer,
    );
  });
}

/** March: the covenant signed at its conference, the registrations sent, accepted and summed up. */
export async function firstQuarter(
  tx: Tx,
  yearId: string,
  people: DemoPeople,
  files: FileStore,
): Promise<void> {
  const draft = await at(`${Y}-03-04T02:00:00Z`, () =>
    saveCovenantDraft(tx, yearId, { ...covenantText, revision: 0 }, people.headOfficer),
  );
  const published = await at(`${Y}-03-12T02:00:00Z`, () =>
    publishCovenant(tx, yearId, { revision: draft.covenant!.revision }, people.headLeader),
  );
  const textHash = published.covenant!.published!.textHash;
  const signing: DemoMinutes = {
    title: `Hội nghị ký kết giao ước thi đua năm ${Y}`,
    when: `08 giờ 00 ngày 22/3/${Y}`,
    place: HALL,
    date: new Date(`${Y}-03-22T01:00:00Z`),
    agreed: [
      'Trưởng khối quán triệt Kế hoạch công tác thi đua, khen thưởng năm 2024 của Khối.',
      'Lãnh đạo các đơn vị ký giao ước thi đua năm 2024 (văn bản đã ban hành trên ThiĐua).',
      'Các đơn vị đăng ký danh hiệu thi đua với Trưởng khối trước ngày 31/3/2024.',
    ],
  };
  await holdEvent(
    tx,
    yearId,
    people,
    files,
    { kind: 'covenant-signing', milestoneId: null, createdAt: `${Y}-03-08T02:00:00Z` },
    signing,
    async () => {
      for (const [i, l] of people.leaders.entries()) {
        await at(`${Y}-03-22T0${2 + (i % 2)}:${String(10 + i * 5)}:00Z`, () =>
          signCovenant(tx, yearId, { textHash }, l.ctx),
        );
      }
    },
  );
  for (const [i, l] of people.leaders.entries()) {
    const reg = await at(`${Y}-03-${25 + (i % 4)}T03:00:00Z`, async () => {
      await submitRegistration(tx, yearId, registrationOf(i), l.ctx);
      return getMyRegistration(tx, yearId, l.ctx);
    });
    await at(`${Y}-04-01T03:00:00Z`, () => acceptRegistration(tx, reg.id!, people.headLeader));
  }
  await at(`${Y}-04-03T03:00:00Z`, () =>
    recordDispatch(
      tx,
      yearId,
      { docNumber: '45/KTĐ-BQLKKT', sentOn: `${Y}-04-03`, note: 'Gửi Ban Thi đua - Khen thưởng thành phố.' },
      people.headOfficer,
    ),
  );
}

/** The exemplary models units published in October (by unit index); the first is presented at the conference. */
export const demoExemplars = [
  {
    unit: 1,
    title: 'Một cửa điện tử liên thông cấp giấy chứng nhận đăng ký đầu tư',
    field: 'Cải cách hành chính',
    description:
      'Hồ sơ đăng ký đầu tư nộp và trả kết quả trực tuyến; thời gian giải quyết giảm từ 15 xuống 7 ngày làm việc.',
  },
  {
    unit: 2,
    title: 'Số hóa hồ sơ quyết toán vốn đầu tư công',
    field: 'Chuyển đổi số',
    description: 'Toàn bộ hồ sơ quyết toán năm 2024 được số hóa và tra cứu trên hệ thống của Sở.',
  },
] as const;

/** October: units publish exemplary models; in December the head chose the first for the conference. */
export async function exemplars(tx: Tx, yearId: string, people: DemoPeople): Promise<void> {
  const ids: string[] = [];
  for (const [i, { unit, ...input }] of demoExemplars.entries()) {
    const published = await at(`${Y}-10-${String(8 + i * 7).padStart(2, '0')}T03:00:00Z`, () =>
      publishExemplar(tx, yearId, input, people.leaders[unit]!.ctx),
    );
    ids.push(published.id);
  }
  await at(`${Y}-12-16T03:00:00Z`, () => markExemplar(tx, ids[0]!, { present: true }, people.headOfficer));
}

/**
 * Makes a ballot two days before it opens (`create`), opens it and lets every unit's leader vote as
 * `choose` says: the last paper closes it.
 */
async function runBallot(
  tx: Tx,
  people: DemoPeople,
  opensAt: string,
  create: () => Promise<TBallot>,
  choose: (q: TBallot['questions'][number], voter: number) => string,
): Promise<void> {
  const created = await at(new Date(Date.parse(opensAt) - 2 * 24 * 3600_000).toISOString(), create);
  const opened = await at(opensAt, () => openBallot(tx, created.id, people.headLeader));
  for (const [i, l] of people.leaders.entries()) {
    const choices = Object.fromEntries(opened.questions.map((q) => [q.id, choose(q, i)]));
    await at(new Date(Date.parse(opensAt) + (i + 1) * 60_000).toISOString(), () =>
      vote(tx, created.id, { choices }, l.ctx),
    );
  }
  // The last paper closes the ballot and publishes its tally (every unit voted).
}

/**
 * December: the nomination lines and the ballot on them, the year-end conference and its election of 2025's
 * head and deputy, the proposal sent to the Council (decided in January).
 */
export async function yearEnd(tx: Tx, yearId: string, people: DemoPeople, files: FileStore): Promise<void> {
  const [head, deputy, , industry] = people.leaders.map((l) => l.unitId);
  await nominate(tx, yearId, people);
  const approval = { opensAt: `${Y}-12-23T01:00:00.000Z`, closesAt: `${Y}-12-24T10:00:00.000Z` };
  await runBallot(
    tx,
    people,
    approval.opensAt,
    ballotFromLines(tx, yearId, people, approval),
    // One unit abstains from approving itself; every other paper approves.
    (q, voter) => (q.subjectUnitId === people.leaders[voter]!.unitId && voter === 3 ? 'no' : 'yes'),
  );
  const milestone = (await listEvents(tx, yearId, people.headOfficer)).milestones[0]?.id ?? null;
  const conference: DemoMinutes = {
    title: `Hội nghị tổng kết phong trào thi đua năm ${Y}`,
    when: `08 giờ 00 ngày 26/12/${Y}`,
    place: HALL,
    date: new Date(`${Y}-12-26T01:00:00Z`),
    agreed: [
      'Tổng kết công tác thi đua, khen thưởng năm 2024; công bố kết quả chấm điểm thi đua của Khối.',
      'Sở Kế hoạch và Đầu tư trình bày điển hình tiên tiến "Một cửa điện tử liên thông".',
      'Bầu Trưởng khối và Phó khối năm 2025; thống nhất đề nghị khen thưởng gửi Hội đồng TĐKT thành phố.',
    ],
  };
  const election: TBallotCreate = {
    kind: 'election',
    title: `Bầu Trưởng khối, Phó khối năm ${Y + 1}`,
    quorum: 'two-thirds',
    threshold: 'more-than-half',
    opensAt: `${Y}-12-26T02:30:00.000Z`,
    closesAt: `${Y}-12-26T04:00:00.000Z`,
    candidateUnitIds: [head!, deputy!, industry!],
  };
  await holdEvent(
    tx,
    yearId,
    people,
    files,
    { kind: 'year-end-conference', milestoneId: milestone, createdAt: `${Y}-12-12T02:00:00Z` },
    conference,
    () =>
      runBallot(
        tx,
        people,
        election.opensAt,
        () => createBallot(tx, yearId, ZBallotCreateSchema.parse(election), people.headOfficer),
        // The bloc keeps its head and deputy for another year; one paper prefers another order.
        (q, voter) => (q.seat === 'head' ? (voter === 6 ? deputy! : head!) : voter === 6 ? head! : deputy!),
      ),
  );
  await proposeAndDecide(tx, yearId, people, files);
}
