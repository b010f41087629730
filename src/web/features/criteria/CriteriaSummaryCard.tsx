import { Button, Card, Descriptions, Empty, Space, Tag } from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { formatHundredths } from '../../../domain/points';
import type { TCriteriaSet } from '../../../shared/criteria';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { criteriaFiles } from './api';

/** Status tag of a criteria set: draft or locked. */
export function CriteriaStatusTag({ set }: { set: TCriteriaSet }) {
  const t = useT();
  return set.status === 'draft' ? (
    <Tag color="gold">{t('criteria.status.draft')}</Tag>
  ) : (
    <Tag color="blue">{t('criteria.status.locked')}</Tag>
  );
}

/** The year's criteria set on the scoring hub: status, version, grand total, files. */
export function CriteriaSummaryCard({
  yearId,
  set,
  prepares,
}: {
  yearId: string;
  set: TCriteriaSet | null;
  /** The head unit's preparation right (from the server's `can`). */
  prepares: boolean;
}) {
  const t = useT();
  const edit = prepares && (
    <Link to={`/years/${yearId}/criteria`}>
      <Button
        icon={<EditOutlined />}
        type={set?.status === 'draft' ? 'primary' : 'default'}
        data-testid="edit-criteria"
      >
        {t('criteria.edit')}
      </Button>
    </Link>
  );
  if (!set) {
    return (
      <Card title={t('criteria.title')} extra={edit}>
        <Empty description={t('criteria.none')} />
      </Card>
    );
  }
  const files = criteriaFiles(set.id);
  return (
    <Card title={t('criteria.title')} extra={edit} data-testid="criteria-card">
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('criteria.name')}>
          {set.name} {set.isSample && <Tag>{t('unit.sample')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <CriteriaStatusTag set={set} /> {t('criteria.version', { version: set.version })}
        </Descriptions.Item>
        <Descriptions.Item label={t('criteria.grandMax')}>
          {formatHundredths(set.grandMax)} · {t('criteria.leafCount', { count: set.leafCount })}
        </Descriptions.Item>
        <Descriptions.Item label={t('criteria.updatedAt')}>
          {formatDateTime(set.lockedAt ?? set.updatedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('criteria.files')} span={2}>
          <Space wrap>
            <Button size="small" icon={<DownloadOutlined />} href={files.xlsx}>
              {t('criteria.exportXlsx')}
            </Button>
            <Button size="small" icon={<DownloadOutlined />} href={files.blankXlsx}>
              {t('criteria.blankXlsx')}
            </Button>
            <Button size="small" icon={<DownloadOutlined />} href={files.blankDocx}>
              {t('criteria.blankDocx')}
            </Button>
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
