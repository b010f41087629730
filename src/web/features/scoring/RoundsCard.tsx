import { Button, Card, Space, Table, Typography } from 'antd';
import { BarChartOutlined, EditOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { TRound } from '../../../shared/scoring';
import { useT } from '../../i18n/context';
import { Deadline } from '../../components/Deadline';
import { RoundStatusTag, WindowTag } from './RoundTags';

interface Props {
  rounds: TRound[] | undefined;
  loading: boolean;
  /** The head unit prepares rounds. */
  /** The head unit's preparation right (from the server's `can`): opens rounds. */
  prepares: boolean;
  canOpen: boolean;
  onOpen: () => void;
}

/** The year's scoring rounds with what the caller may do in each (the server's `can`). */
export function RoundsCard({ rounds, loading, prepares, canOpen, onOpen }: Props) {
  const t = useT();
  const scoresAny = (rounds ?? []).some((r) => r.can.score);
  return (
    <Card
      title={t('round.listTitle')}
      extra={
        prepares && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={onOpen}
            disabled={!canOpen}
            data-testid="open-round"
          >
            {t('round.openTitle')}
          </Button>
        )
      }
    >
      <Table<TRound>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rounds}
        pagination={false}
        locale={{ emptyText: t('round.none') }}
        columns={[
          {
            title: t('round.title'),
            dataIndex: 'title',
            render: (title: string, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`round.kind.${r.kind}`)} · {t('round.unitsCount', { count: r.memberCount })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('common.status'),
            key: 'status',
            width: 130,
            render: (_: unknown, r) => <RoundStatusTag round={r} />,
          },
          {
            title: t('round.deadlineVn'),
            dataIndex: 'deadlineAt',
            width: 190,
            render: (v: string) => <Deadline at={v} compact />,
          },
          ...(scoresAny
            ? [
                {
                  title: t('round.myWindow'),
                  key: 'window',
                  width: 170,
                  render: (_: unknown, r: TRound) => <WindowTag round={r} />,
                },
              ]
            : []),
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r) => (
              <Space wrap size={4}>
                {r.can.score && (
                  <Link to={`/rounds/${r.id}/sheets`}>
                    <Button size="small" type="primary" icon={<EditOutlined />} data-testid="go-score">
                      {t('round.score')}
                    </Button>
                  </Link>
                )}
                {r.can.progress && (
                  <Link to={`/rounds/${r.id}/progress`}>
                    <Button size="small" icon={<TableOutlined />} data-testid="go-progress">
                      {t('round.progress')}
                    </Button>
                  </Link>
                )}
                {r.can.results && (
                  <Link to={`/rounds/${r.id}/results`}>
                    <Button size="small" icon={<BarChartOutlined />} data-testid="go-results">
                      {t('round.results')}
                    </Button>
                  </Link>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
