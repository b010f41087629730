import { useState } from 'react';
import { App, Form, Input, Modal, Radio } from 'antd';
import type { TDecisionRequest, TProposalLine } from '../../../shared/proposals';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useRecordDecision } from './api';

/** The board records the Council's decision on one line, with the decision's file. */
export function DecisionModal({ line, onClose }: { line: TProposalLine; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<TDecisionRequest>();
  const [file, setFile] = useState<File | null>(null);
  const record = useRecordDecision();
  const submit = (body: TDecisionRequest) =>
    record.mutate(
      { lineId: line.id, body, file },
      {
        onSuccess: () => {
          void message.success(t('proposal.recorded'));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );
  return (
    <Modal
      open
      title={t('proposal.recordTitle', { unit: line.unitName, award: line.awardName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: record.isPending, 'data-testid': 'decision-save' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          decision: line.decision ?? 'approved',
          decisionNumber: line.decisionNumber ?? '',
          decisionDate: line.decisionDate ?? '',
          note: line.decisionNote ?? '',
        }}
      >
        <Form.Item name="decision" label={t('proposal.decision')} rules={[{ required: true }]}>
          <Radio.Group>
            <Radio value="approved">{t('proposal.decision.approved')}</Radio>
            <Radio value="rejected">{t('proposal.decision.rejected')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="decisionNumber" label={t('proposal.decisionNumber')} rules={[{ required: true }]}>
          <Input maxLength={60} placeholder="123/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="decisionDate" label={t('proposal.decisionDate')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={t('proposal.note')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item label={t('proposal.file')}>
          <input
            type="file"
            accept=".pdf,.docx,.doc,.jpg,.jpeg,.png"
            aria-label={t('proposal.chooseFile')}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
