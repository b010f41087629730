import { App, Form, Input, Modal } from 'antd';
import type { TProposalSend } from '../../../shared/proposals';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useSendProposal } from './api';

/** The head unit's leader records the proposal as sent, with its number and date. */
export function SendModal({ yearId, onClose }: { yearId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<TProposalSend>();
  const send = useSendProposal(yearId);
  return (
    <Modal
      open
      title={t('proposal.sendTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: send.isPending, 'data-testid': 'send-save' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(body) =>
          send.mutate(body, {
            onSuccess: () => {
              void message.success(t('proposal.sent'));
              onClose();
            },
            onError: (e) => showError(e, form),
          })
        }
      >
        <Form.Item name="docNumber" label={t('proposal.docNumber')} rules={[{ required: true }]}>
          <Input maxLength={60} placeholder="25/TTr-KTĐ" />
        </Form.Item>
        <Form.Item name="sentOn" label={t('proposal.sentOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
