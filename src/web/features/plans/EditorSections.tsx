import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/context';
import { StringList } from './StringList';

/** Number and symbol, place and date, subject, signer. */
export function HeaderSection() {
  const t = useT();
  return (
    <Card title={t('editor.header')} size="small">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="docNumber" label={t('editor.docNumber')} extra={t('editor.docNumberHint')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="place" label={t('editor.place')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="issueDate" label={t('editor.issueDate')}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="subject" label={t('editor.subject')} extra={t('editor.subjectHint')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name={['signer', 'authority']}
            label={t('editor.signerAuthority')}
            extra={t('editor.signerAuthorityHint')}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['signer', 'title']} label={t('editor.signerTitle')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['signer', 'name']} label={t('editor.signerName')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** Legal bases, introduction, purposes, requirements and the year's theme. */
export function PurposeSection() {
  const t = useT();
  return (
    <Card title={t('editor.purposeSection')} size="small">
      <Form.Item label={t('editor.legalBases')}>
        <StringList name="legalBases" addLabel={t('editor.addLegalBasis')} testId="legal-bases" />
      </Form.Item>
      <Form.Item name="intro" label={t('editor.intro')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item label={t('editor.purposes')}>
        <StringList name="purposes" addLabel={t('editor.addParagraph')} testId="purposes" />
      </Form.Item>
      <Form.Item label={t('editor.requirements')}>
        <StringList name="requirements" addLabel={t('editor.addParagraph')} testId="requirements" />
      </Form.Item>
      <Form.Item name="theme" label={t('editor.theme')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} />
      </Form.Item>
    </Card>
  );
}

/** II.1: the criteria, how units are scored, and the formula. */
export function ScoringSection() {
  const t = useT();
  return (
    <Card title={t('editor.scoringSection')} size="small">
      <Form.Item name={['scoring', 'title']} label={t('editor.scoringTitle')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} />
      </Form.Item>
      <Form.Item label={t('editor.scoringParagraphs')}>
        <Form.List name={['scoring', 'paragraphs']}>
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space.Compact key={f.key} style={{ width: '100%' }}>
                  <Form.Item name={[f.name, 'kind']} noStyle>
                    <Select
                      style={{ width: 150 }}
                      options={(['paragraph', 'subheading', 'bullet'] as const).map((k) => ({
                        value: k,
                        label: t(`editor.paragraphKind.${k}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'text']} noStyle>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={4000} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('plan.removeLine')}
                    onClick={() => remove(f.name)}
                  />
                </Space.Compact>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'paragraph', text: '' })}
              >
                {t('editor.addParagraph')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name={['scoring', 'formula']} label={t('editor.formula')} extra={t('editor.formulaHint')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} />
      </Form.Item>
    </Card>
  );
}

/** III: the duties of the head, the deputy and the members; then the recipients. */
export function OrganizationSection() {
  const t = useT();
  return (
    <Card title={t('editor.organizationSection')} size="small">
      {(['head', 'deputy', 'members'] as const).map((part) => (
        <div key={part} className="editor-role">
          <Form.Item name={['organization', part, 'title']} label={t(`editor.role.${part}`)}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
          </Form.Item>
          <Form.Item label={t('editor.duties')}>
            <StringList
              name={['organization', part, 'items']}
              addLabel={t('editor.addDuty')}
              testId={`duties-${part}`}
            />
          </Form.Item>
        </div>
      ))}
      <Form.Item label={t('editor.recipients')}>
        <StringList name="recipients" addLabel={t('editor.addRecipient')} rows={1} testId="recipients" />
      </Form.Item>
    </Card>
  );
}
