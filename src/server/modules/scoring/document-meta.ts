import type { Executor } from '../../db/schema';
import type { DocMeta } from '../../documents/doc-meta';
import type { YearAccess } from '../../access';
import { createScoringRepository } from './repository';

/** Header, place and signer of the bloc's official documents: the bloc and its head unit's leader. */
export async function documentMeta(db: Executor, access: YearAccess): Promise<DocMeta> {
  const { bloc, leader } = await createScoringRepository(db).documentHeader(access.blocId, access.headUnitId);
  return {
    governingBody: bloc.governingBody ?? 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
    issuingBody: bloc.name.toUpperCase(),
    place: bloc.place ?? '',
    signer: { authority: 'TM. TRƯỞNG KHỐI', title: 'THỦ TRƯỞNG ĐƠN VỊ', name: leader?.fullName ?? '' },
    recipients: ['Hội đồng TĐKT thành phố (để b/c)', 'Ban TĐKT thành phố (để b/c)', 'Các đơn vị trong Khối'],
  };
}
