import { deadlineText } from '../../../domain/plans';
import { formatVnDateTime } from '../../../domain/time';
import type { Executor, RoundTable } from '../../db/schema';
import { notifyBoard, notifyUnits } from '../notifications/notify';
import type { YearAccess } from '../../access';
import { createScoringRepository } from './repository';

type Round = Pick<RoundTable, 'id' | 'yearId' | 'title' | 'deadlineAt'>;

/** Every unit of the round hears the same message (in-app and by e-mail). */
async function toMembers(tx: Executor, round: Round, title: string, body: string): Promise<void> {
  const members = await createScoringRepository(tx).members(round.id);
  await notifyUnits(
    tx,
    'round',
    members.map((m) => ({ unitId: m.id, title, body })),
    { yearId: round.yearId },
  );
}

export async function noticeRoundOpened(tx: Executor, round: Round, access: YearAccess): Promise<void> {
  await toMembers(
    tx,
    round,
    `Đợt chấm điểm "${round.title}" đã mở`,
    `${access.blocName} năm ${access.year}: đơn vị tự chấm và chấm chéo các đơn vị trong Khối.\n${deadlineText(round.deadlineAt)}.`,
  );
}

export async function noticeRoundClosed(tx: Executor, round: Round): Promise<void> {
  await toMembers(
    tx,
    round,
    `Đợt chấm điểm "${round.title}" đã đóng`,
    'Bảng điểm đã khóa; không nhận thêm bảng điểm. Kết quả được công bố sau khi Trưởng khối kiểm tra.',
  );
}

export async function noticeUnitReopened(
  tx: Executor,
  round: Round,
  o: { unitId: string; unitName: string; headUnitId: string | null; reason: string; untilAt: string },
): Promise<void> {
  const title = `Đợt chấm "${round.title}": mở lại bảng điểm cho ${o.unitName}`;
  const body = `Lý do: ${o.reason}\nĐơn vị được sửa và nộp lại bảng điểm đến ${formatVnDateTime(o.untilAt)} (giờ Việt Nam).`;
  const units = [...new Set([o.unitId, ...(o.headUnitId ? [o.headUnitId] : [])])];
  await notifyUnits(
    tx,
    'round',
    units.map((unitId) => ({ unitId, title, body })),
    { yearId: round.yearId },
  );
}

export async function noticeResultsPublished(tx: Executor, round: Round, access: YearAccess): Promise<void> {
  const title = `Đã công bố kết quả "${round.title}"`;
  const body = `${access.blocName} năm ${access.year}: bảng tổng hợp điểm, xếp hạng và toàn bộ bảng điểm đã công khai cho các đơn vị trong Khối.`;
  await toMembers(tx, round, title, body);
  await notifyBoard(tx, 'round', { title, body }, { yearId: round.yearId });
}
