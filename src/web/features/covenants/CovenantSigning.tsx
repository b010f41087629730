import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TCovenantSignature, TCovenantView } from '../../../shared/covenants';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useSignCovenant } from './api';

/** The signing panel: every unit's signature state, and "Ký giao ước" for a leader whose unit has not signed. */
export function CovenantSigning({ view }: { view: TCovenantView }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const sign = useSignCovenant(view.yearId);
  const published = view.covenant?.published;
  if (!published) return null;
  const signed = view.signatures.filter((s) => s.signed).length;
  const confirm = () =>
    modal.confirm({
      title: t('covenant.signConfirmTitle'),
      content: (
        <Space direction="vertical">
          <Typography.Text>{t('covenant.signConfirm')}</Typography.Text>
          <Typography.Text code copyable data-testid="covenant-sign-hash">
            {published.textHash}
          </Typography.Text>
        </Space>
      ),
      okText: t('covenant.sign'),
      okButtonProps: { 'data-testid': 'covenant-sign-ok' },
      onOk: () =>
        sign.mutateAsync(published.textHash).then(
          () => void message.success(t('covenant.signedOk')),
          (e: unknown) => showError(e),
        ),
    });
  return (
    <Card
      title={t('covenant.signatures')}
      extra={
        <Typography.Text data-testid="covenant-signed-count">
          {t('covenant.signedCount', { signed, total: view.signatures.length })}
        </Typography.Text>
      }
      style={{ marginBottom: 16 }}
    >
      {view.can.sign && (
        <Button
          type="primary"
          onClick={() => void confirm()}
          style={{ marginBottom: 12 }}
          data-testid="covenant-sign"
        >
          {t('covenant.sign')}
        </Button>
      )}
      {view.covenant?.allSignedAt && (
        <Typography.Paragraph type="success">
          {t('covenant.allSigned', { at: formatDateTime(view.covenant.allSignedAt) })}
        </Typography.Paragraph>
      )}
      <Table<TCovenantSignature>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={view.signatures}
        data-testid="covenant-signatures"
        columns={[
          { title: t('covenant.col.unit'), dataIndex: 'unitName' },
          {
            title: t('covenant.col.state'),
            render: (_, s) =>
              s.signed ? (
                <Tag color="green">{t('covenant.state.signed')}</Tag>
              ) : (
                <Tag>{t('covenant.state.not-signed')}</Tag>
              ),
          },
          { title: t('covenant.col.signer'), render: (_, s) => s.signerName ?? '' },
          { title: t('covenant.col.at'), render: (_, s) => (s.signedAt ? formatDateTime(s.signedAt) : '') },
          {
            title: t('covenant.col.hash'),
            render: (_, s) =>
              s.textHash ? <Typography.Text code>{s.textHash.slice(0, 12)}</Typography.Text> : '',
          },
        ]}
      />
    </Card>
  );
}
