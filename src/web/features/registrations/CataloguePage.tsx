import { useEffect } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { TCatalogue, TCatalogueEntry } from '../../../shared/registrations';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useCatalogue, useSaveCatalogue } from './api';

const blank: TCatalogueEntry = {
  code: '',
  name: '',
  kind: 'award',
  level: 'Chủ tịch UBND thành phố',
  legalBasis: '',
  recipient: 'unit',
  quotaPerBloc: null,
};

/** /catalogue?year= — the city's titles and awards of a year; the board edits it, everyone reads it. */
export function CataloguePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const catalogue = useCatalogue(year);

  return (
    <>
      <PageHeader
        title={t('cat.title')}
        extra={
          <Space>
            {t('cat.year')}
            <InputNumber
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setParams({ year: String(v) })}
              data-testid="cat-year"
            />
          </Space>
        }
      />
      {catalogue.isError ? (
        <Result status="error" subTitle={catalogue.error.message || t('common.error')} />
      ) : catalogue.data ? (
        <CatalogueBody
          key={`${year}-${catalogue.data.updatedAt ?? catalogue.data.source}`}
          data={catalogue.data}
        />
      ) : (
        <Skeleton active />
      )}
    </>
  );
}

function CatalogueBody({ data }: { data: TCatalogue }) {
  const t = useT();
  const source =
    data.source === 'copied'
      ? t('cat.source.copied', { year: data.year, from: data.copiedFrom ?? '' })
      : t(`cat.source.${data.source}`, { year: data.year });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type={data.source === 'saved' ? 'success' : 'info'} showIcon message={source} />
      {data.can.edit ? <CatalogueEditor data={data} /> : <CatalogueTable entries={data.entries} />}
    </Space>
  );
}

function CatalogueTable({ entries }: { entries: TCatalogueEntry[] }) {
  const t = useT();
  return (
    <Table<TCatalogueEntry>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={entries}
      columns={[
        { title: t('cat.name'), dataIndex: 'name' },
        { title: t('cat.code'), dataIndex: 'code' },
        { title: t('cat.kind'), render: (_, e) => <Tag>{t(`reg.kind.${e.kind}`)}</Tag> },
        { title: t('cat.recipient'), render: (_, e) => t(`reg.recipient.${e.recipient}`) },
        { title: t('cat.level'), dataIndex: 'level' },
        { title: t('cat.legalBasis'), dataIndex: 'legalBasis' },
        { title: t('cat.quota'), render: (_, e) => e.quotaPerBloc ?? t('cat.noLimit') },
      ]}
    />
  );
}

function CatalogueEditor({ data }: { data: TCatalogue }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const save = useSaveCatalogue(data.year);
  const [form] = Form.useForm<{ entries: TCatalogueEntry[] }>();
  useEffect(() => form.setFieldsValue({ entries: data.entries }), [data, form]);

  const onFinish = (v: { entries: TCatalogueEntry[] }) =>
    // A promise: the saved answer remounts this editor (keyed by its save time), and mutate's callbacks
    // would not fire after that.
    void save
      .mutateAsync({ entries: v.entries.map((e) => ({ ...e, quotaPerBloc: e.quotaPerBloc ?? null })) })
      .then(
        () => void message.success(t('cat.saved')),
        (e: unknown) => showError(e),
      );

  return (
    <Form form={form} layout="vertical" initialValues={{ entries: data.entries }} onFinish={onFinish}>
      <Form.List name="entries">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f) => (
              <Card
                key={f.key}
                size="small"
                extra={
                  <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(f.name)}>
                    {t('cat.remove')}
                  </Button>
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={10}>
                    <Form.Item name={[f.name, 'name']} label={t('cat.name')} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item name={[f.name, 'code']} label={t('cat.code')} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[f.name, 'kind']} label={t('cat.kind')}>
                      <Select
                        options={(['title', 'award'] as const).map((k) => ({
                          value: k,
                          label: t(`reg.kind.${k}`),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[f.name, 'recipient']} label={t('cat.recipient')}>
                      <Select
                        options={(['unit', 'person'] as const).map((k) => ({
                          value: k,
                          label: t(`reg.recipient.${k}`),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item name={[f.name, 'level']} label={t('cat.level')} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={[f.name, 'legalBasis']}
                      label={t('cat.legalBasis')}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item name={[f.name, 'quotaPerBloc']} label={t('cat.quota')}>
                      <InputNumber
                        min={1}
                        max={100}
                        placeholder={t('cat.noLimit')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => add({ ...blank })}>
                {t('cat.add')}
              </Button>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="cat-save">
                {t('common.save')}
              </Button>
            </Space>
          </Space>
        )}
      </Form.List>
    </Form>
  );
}
