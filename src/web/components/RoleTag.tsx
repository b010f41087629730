import { Tag } from 'antd';
import type { TRole } from '../../shared/auth';
import { useT } from '../i18n/context';

export const roleColor: Record<TRole, string> = {
  admin: 'red',
  board: 'gold',
  officer: 'blue',
  leader: 'purple',
};

/** A user's role as a coloured, translated tag. */
export function RoleTag({ role }: { role: TRole }) {
  const t = useT();
  return <Tag color={roleColor[role]}>{t(`role.${role}`)}</Tag>;
}
