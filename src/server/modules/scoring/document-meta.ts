import type { Executor } from '../../db/schema';
import type { DocMeta } from '../../documents/doc-meta';
import type { YearAccess } from './access';

/** Header, place and signer of the bloc's official documents: the bloc and its head unit's leader. */
export async function documentMeta(db: Executor, access: YearAccess): Promise<DocMeta> {
  const bloc = await db.selectFrom('blocs').select(['name', 'governingBody', 'place']).where('id', '=', access.blocId).executeTakeFirstOrThrow();
  const leader = access.headUnitId
    ? await db.selectFrom('users').select('fullName').where('unitId', '=', access.headUnitId).where('role', '=', 'leader').where('disabled', '=', 0).orderBy('createdAt').executeTakeFirst()
    : undefined;
  return {
    governingBody: bloc.governingBody ?? 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
    issuingBody: bloc.name.toUpperCase(),
    place: bloc.place ?? '',
    signer: { authority: 'TM. TRƯỞNG KHỐI', title: 'THỦ TRƯỞNG ĐƠN VỊ', name: leader?.fullName ?? '' },
    recipients: ['Hội đồng TĐKT thành phố (để b/c)', 'Ban TĐKT thành phố (để b/c)', 'Các đơn vị trong Khối'],
  };
}
