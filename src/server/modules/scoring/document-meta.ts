import type { Executor } from '../../db/schema';
import type { DocMeta } from '../../documents/doc-meta';
import type { YearAccess } from '../../access';
import { createScoringRepository } from './repository';
import { createUsersRepository } from '../org/users-repository';

/**
 * Header, place and signer of the bloc's official documents: the bloc, and the year's head unit whose leader
 * signs for the bloc ("TM. KHỐI THI ĐUA / TRƯỞNG KHỐI"); the name is blank when the unit has no leader account.
 */
export async function documentMeta(db: Executor, access: YearAccess): Promise<DocMeta> {
  const repo = createScoringRepository(db);
  const { bloc, headUnit } = await repo.documentHeader(access.blocId, access.headUnitId);
  const leader = access.headUnitId
    ? await createUsersRepository(db).personOf(access.headUnitId, 'leader')
    : '';
  return {
    governingBody: bloc.governingBody ?? 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
    issuingBody: bloc.name.toUpperCase(),
    place: bloc.place ?? '',
    signer: { authority: 'TM. KHỐI THI ĐUA', title: 'TRƯỞNG KHỐI', name: leader },
    recipients: ['Hội đồng TĐKT thành phố (để b/c)', 'Ban TĐKT thành phố (để b/c)', 'Các đơn vị trong Khối'],
    headUnitName: headUnit?.name ?? '',
  };
}
