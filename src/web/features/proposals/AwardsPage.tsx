import { useState } from 'react';
import { Card, Form, InputNumber, Result, Select, Space } from 'antd';
import type { TAwardSearchQuery } from '../../../shared/proposals';
import { DownloadButton } from '../../components/DownloadButton';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { useBlocs, useUnits } from '../org/api';
import { awardsQueryString, useAwardSearch } from './api';
import { AwardsTable } from './AwardsTable';

/** /awards — the board searches every bloc's decided awards and exports them. */
export function AwardsPage() {
  const t = useT();
  const [q, setQ] = useState<TAwardSearchQuery>({});
  const search = useAwardSearch(q);
  // The awards the Council has decided anywhere: the choices of the award filter.
  const all = useAwardSearch({});
  const awardOptions = [
    ...new Map((all.data?.items ?? []).map((a) => [a.awardCode, a.awardName])).entries(),
  ].map(([value, label]) => ({ value, label }));
  const blocs = useBlocs();
  const units = useUnits();
  const qs = awardsQueryString(q);
  return (
    <>
      <PageHeader
        title={t('awards.title')}
        extra={
          <DownloadButton href={`/api/awards.xlsx${qs ? `?${qs}` : ''}`} busyText={t('proposal.busy')}>
            {t('awards.export')}
          </DownloadButton>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" onValuesChange={(_, all: TAwardSearchQuery) => setQ(all)}>
          <Space wrap>
            <Form.Item name="year" label={t('awards.year')}>
              <InputNumber min={2000} max={2100} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="blocId" label={t('awards.bloc')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ width: 260 }}
                options={(blocs.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              />
            </Form.Item>
            <Form.Item name="unitId" label={t('awards.unit')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ width: 260 }}
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item name="awardCode" label={t('awards.award')}>
              <Select allowClear style={{ width: 260 }} options={awardOptions} />
            </Form.Item>
          </Space>
        </Form>
      </Card>
      <Card>
        {search.isError ? (
          <Result status="error" subTitle={search.error.message} />
        ) : (
          <AwardsTable items={search.data?.items ?? []} />
        )}
      </Card>
    </>
  );
}
