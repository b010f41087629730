import { Card, Space, Typography } from 'antd';
import { FileWordOutlined, FileZipOutlined } from '@ant-design/icons';
import { blocReportPeriods } from '../../../domain/bloc-reports';
import { DownloadButton } from '../../components/DownloadButton';
import { useT } from '../../i18n/context';
import { blocReportUrl, unitReportsZipUrl } from './api';

/**
 * The head's downloads for each period: the bloc's own report (.docx, generated from the year's data, ready
 * to edit) and every unit's report in one .zip with its table of contents. Shown only when `canRead`.
 */
export function BlocReportsCard({ yearId, canRead }: { yearId: string; canRead: boolean }) {
  const t = useT();
  if (!canRead) return null;
  return (
    <Card size="small" title={t('blocReports.title')} data-testid="bloc-reports">
      <Space direction="vertical" size="small">
        {blocReportPeriods.map((period) => (
          <Space key={period} wrap>
            <Typography.Text strong style={{ minWidth: 180, display: 'inline-block' }}>
              {t(`blocReports.period.${period}`)}
            </Typography.Text>
            <DownloadButton
              icon={<FileWordOutlined />}
              href={blocReportUrl(yearId, period)}
              busyText={t('blocReports.making')}
              data-testid={`bloc-report-${period}`}
            >
              {t('blocReports.docx')}
            </DownloadButton>
            <DownloadButton
              icon={<FileZipOutlined />}
              href={unitReportsZipUrl(yearId, period)}
              busyText={t('blocReports.making')}
              data-testid={`unit-reports-zip-${period}`}
            >
              {t('blocReports.zip')}
            </DownloadButton>
          </Space>
        ))}
        <Typography.Text type="secondary">{t('blocReports.hint')}</Typography.Text>
      </Space>
    </Card>
  );
}
