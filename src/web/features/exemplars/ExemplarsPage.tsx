import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Input,
  List,
  Result,
  Skeleton,
  Space,
  Switch,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { EditOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import type { TExemplar } from '../../../shared/events';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { attachmentUrl } from '../events/api';
import { PlanNav } from '../plans/PlanNav';
import { useYearContext } from '../plans/yearContext';
import { useAttachToExemplar, useExemplars, useMarkExemplar } from './api';
import { ExemplarForm } from './ExemplarForm';

/** /years/:yearId/exemplars — units' exemplary models: search, publish, and the head's conference mark. */
export function ExemplarsPage() {
  const t = useT();
  const { yearId = '' } = useParams();
  const ctx = useYearContext(yearId);
  const [q, setQ] = useState('');
  const [onlyPresented, setOnlyPresented] = useState(false);
  const list = useExemplars(yearId, q, onlyPresented ? 'yes' : 'all');
  const mark = useMarkExemplar();
  const attach = useAttachToExemplar();
  const showError = useShowError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<TExemplar | 'new' | null>(null);
  if (list.isError) {
    return (
      <Result
        status="error"
        title={t('planNav.exemplars')}
        subTitle={list.error.message || t('common.error')}
      />
    );
  }
  if (ctx.loading || !list.data) return <Skeleton active />;
  const data = list.data;

  const item = (x: TExemplar) => (
    <List.Item
      data-testid="exemplar"
      actions={[
        x.can.mark ? (
          <Space key="mark">
            <Switch
              checked={x.presentAtConference}
              loading={mark.isPending && mark.variables.id === x.id}
              onChange={(present) => mark.mutate({ id: x.id, present }, { onError: (e) => showError(e) })}
              data-testid="exemplar-mark"
            />
            {t('exemplars.present')}
          </Space>
        ) : null,
        x.can.edit ? (
          <Button key="edit" size="small" icon={<EditOutlined />} onClick={() => setEditing(x)}>
            {t('exemplars.edit')}
          </Button>
        ) : null,
        x.can.edit ? (
          <Upload
            key="attach"
            showUploadList={false}
            accept=".pdf,.docx,.doc,.xlsx,.jpg,.jpeg,.png"
            customRequest={({ file }) =>
              attach.mutate(
                { id: x.id, file: file as File },
                {
                  onSuccess: () => void message.success(t('events.uploaded', { file: (file as File).name })),
                  onError: (e) => showError(e),
                },
              )
            }
          >
            <Button size="small" icon={<UploadOutlined />}>
              {t('exemplars.attach')}
            </Button>
          </Upload>
        ) : null,
      ].filter(Boolean)}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <span data-testid="exemplar-title-text">{x.title}</span>
            {x.presentAtConference && <Tag color="gold">{t('exemplars.present')}</Tag>}
          </Space>
        }
        description={`${x.unitName} · ${t('exemplars.field')}: ${x.field}`}
      />
      <Typography.Paragraph style={{ whiteSpace: 'pre-line' }} ellipsis={{ rows: 3, expandable: true }}>
        {x.description}
      </Typography.Paragraph>
      {x.attachments.map((a) => (
        <div key={a.id}>
          <a href={attachmentUrl(a.id)}>
            <PaperClipOutlined /> {a.filename}
          </a>
        </div>
      ))}
    </List.Item>
  );

  return (
    <>
      <PageHeader
        title={t('exemplars.title', { year: ctx.year?.year ?? '' })}
        extra={
          data.can.publish && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="exemplar-new"
            >
              {t('exemplars.publish')}
            </Button>
          )
        }
      />
      <PlanNav yearId={yearId} active="exemplars" ctx={ctx} />
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('exemplars.search')}
              onSearch={setQ}
              style={{ width: 420 }}
              data-testid="exemplar-search"
            />
            <Checkbox checked={onlyPresented} onChange={(e) => setOnlyPresented(e.target.checked)}>
              {t('exemplars.onlyPresented')}
            </Checkbox>
          </Space>
          {data.items.length === 0 ? (
            <Empty description={t('exemplars.none')} />
          ) : (
            <List itemLayout="vertical" dataSource={data.items} renderItem={item} />
          )}
        </Space>
      </Card>
      {editing && (
        <ExemplarForm
          yearId={yearId}
          exemplar={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
