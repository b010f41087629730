import { Tag, Typography } from 'antd';
import { useT } from '../../i18n/context';
import type { THomeYear } from './api';

interface Props {
  year: THomeYear;
  myUnitId: string | null;
}

/**
 * The member units of one bloc-year, with head, deputy and sample-data tags. A numbered list rather than
 * a table: it reads on a phone, and the home page does not download antd's table.
 */
export function MembersTable({ year, myUnitId }: Props) {
  const t = useT();
  return (
    <ol className="member-list" data-testid="member-list">
      {year.members.map((unit) => (
        <li key={unit.id} className={unit.id === myUnitId ? 'member-mine' : undefined}>
          <span className="member-name">
            {unit.name}
            {unit.id === year.headUnitId && <Tag color="volcano">{t('yearRole.head')}</Tag>}
            {unit.id === year.deputyUnitId && <Tag color="gold">{t('yearRole.deputy')}</Tag>}
            {unit.isSample && <Tag>{t('unit.sample')}</Tag>}
          </span>
          <Typography.Text type="secondary" className="member-meta">
            {[unit.shortName, unit.email].filter(Boolean).join(' · ')}
          </Typography.Text>
        </li>
      ))}
    </ol>
  );
}
