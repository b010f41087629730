import { Button, Space, Tag, Typography } from 'antd';
import { AimOutlined, SendOutlined } from '@ant-design/icons';
import type { TMySheets } from '../../../shared/scoring';
import { Deadline } from '../../components/Deadline';
import { useT } from '../../i18n/context';

interface Props {
  data: TMySheets;
  errorCount: number;
  canSubmitAll: boolean;
  onSubmitAll: () => void;
}

/** Focuses the first invalid cell of the grid (sheet order, then criteria order) and shows it. */
export function goToFirstError(): void {
  const input = document.querySelector<HTMLInputElement>('.score-grid td.sg-invalid input');
  if (!input) return;
  input.scrollIntoView({ block: 'center', inline: 'center' });
  input.focus();
}

/**
 * The header that stays on screen above the grid: the round, its deadline, how many sheets are in, how
 * many cells need fixing with a way to reach the first one, and "Nộp tất cả".
 */
export function ScoreToolbar({ data, errorCount, canSubmitAll, onSubmitAll }: Props) {
  const t = useT();
  const { round } = data;
  return (
    <div className="score-toolbar" data-testid="score-toolbar">
      <div className="score-toolbar-title">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {round.title}
        </Typography.Title>
        <Deadline at={round.deadlineAt} compact />
      </div>
      <Space wrap>
        <Tag
          color={data.submitted === data.expected ? 'green' : 'default'}
          className="submitted-count"
          data-testid="submitted-count"
        >
          {t('scoring.submittedCount', { submitted: data.submitted, expected: data.expected })}
        </Tag>
        {errorCount > 0 && (
          <>
            <Tag color="red" data-testid="error-count">
              {t('scoring.errorCount', { count: errorCount })}
            </Tag>
            <Button size="small" icon={<AimOutlined />} onClick={goToFirstError} data-testid="first-error">
              {t('scoring.firstError')}
            </Button>
          </>
        )}
        {canSubmitAll && (
          <Button type="primary" icon={<SendOutlined />} onClick={onSubmitAll} data-testid="submit-all">
            {t('scoring.submitAll')}
          </Button>
        )}
      </Space>
    </div>
  );
}
