import { Col, Row } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { ImportCard } from './ImportCard';

/** Admin: import units and accounts from .xlsx or .csv files. */
export function ImportPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('import.title')} />
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={12}>
          <ImportCard kind="units" />
        </Col>
        <Col xs={24} xl={12}>
          <ImportCard kind="users" />
        </Col>
      </Row>
    </>
  );
}
