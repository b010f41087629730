import { Typography } from 'antd';
import { fieldLabels } from '../../../shared/validation-messages';
import { useT } from '../../i18n/context';

/** One side of a change (before or after) as labelled lines; says why when there is nothing. */
export function AuditValue({
  value,
  side,
  action,
}: {
  value: unknown;
  side: 'before' | 'after';
  action: string;
}) {
  const t = useT();
  if (value === null || value === undefined) {
    const created = side === 'before' && /(created|opened|requested|uploaded|started|import)/.test(action);
    return (
      <Typography.Text type="secondary">
        {t(created ? 'audit.noneNew' : 'audit.noneRecorded')}
      </Typography.Text>
    );
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.length) return <Typography.Text type="secondary">{t('audit.noneRecorded')}</Typography.Text>;
  return (
    <dl className="audit-values">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{fieldLabels[k] ?? k}</dt>
          <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
