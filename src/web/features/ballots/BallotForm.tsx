import { Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { ballotShares, type TBallotCreate } from '../../../shared/ballots';
import type { TUnit } from '../../../shared/org';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useCreateBallot } from './api';

interface Values {
  kind: 'approval' | 'election';
  title: string;
  quorum: TBallotCreate['quorum'];
  threshold: TBallotCreate['threshold'];
  opensAt: string;
  closesAt: string;
  questions?: { subjectUnitId: string; award: string }[];
  candidateUnitIds?: string[];
}

/** A local "YYYY-MM-DDTHH:mm" read as Vietnam time (UTC+7, no daylight saving). */
const vietnam = (local: string) => `${local}:00+07:00`;
const shareText: Record<(typeof ballotShares)[number], string> = {
  'more-than-half': '> 1/2',
  'two-thirds': '≥ 2/3',
  'three-quarters': '≥ 3/4',
  all: '100%',
};

/** The head's ballot editor: kind, questions or candidates, quorum, threshold and times. */
export function BallotForm({
  yearId,
  members,
  onClose,
}: {
  yearId: string;
  members: TUnit[];
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateBallot(yearId);
  const showError = useShowError();
  const kind = Form.useWatch('kind', form) ?? 'approval';
  const units = members.map((m) => ({ value: m.id, label: m.name }));
  const shares = ballotShares.map((s) => ({ value: s, label: shareText[s] }));

  const submit = (v: Values) =>
    create.mutate(
      {
        ...v,
        opensAt: vietnam(v.opensAt),
        closesAt: vietnam(v.closesAt),
        questions: v.kind === 'approval' ? (v.questions ?? []) : undefined,
        candidateUnitIds:
          v.kind === 'election' && v.candidateUnitIds?.length ? v.candidateUnitIds : undefined,
      },
      { onSuccess: onClose, onError: (e) => showError(e, form) },
    );

  return (
    <Modal
      open
      title={t('ballot.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      width={720}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'approval',
          quorum: 'more-than-half',
          threshold: 'more-than-half',
          questions: [{}],
        }}
        data-testid="ballot-form"
      >
        <Form.Item name="kind" label={t('ballot.kind')}>
          <Radio.Group>
            <Radio value="approval">{t('ballot.kind.approval')}</Radio>
            <Radio value="election">{t('ballot.kind.election')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="title" label={t('ballot.title')} rules={[{ required: true }]}>
          <Input data-testid="ballot-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="quorum" label={t('ballot.quorum')}>
            <Select options={shares} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="threshold" label={t('ballot.threshold')}>
            <Select options={shares} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="opensAt" label={t('ballot.opensAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" data-testid="ballot-opens" />
          </Form.Item>
          <Form.Item name="closesAt" label={t('ballot.closesAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" data-testid="ballot-closes" />
          </Form.Item>
        </Space>
        {kind === 'approval' ? (
          <Form.List name="questions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item
                      name={[f.name, 'subjectUnitId']}
                      rules={[{ required: true }]}
                      label={i === 0 ? t('ballot.questions') : undefined}
                    >
                      <Select
                        options={units}
                        style={{ width: 280 }}
                        showSearch
                        optionFilterProp="label"
                        data-testid={`question-unit-${i}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'award']}
                      rules={[{ required: true }]}
                      label={i === 0 ? t('ballot.award') : undefined}
                    >
                      <Input style={{ width: 260 }} data-testid={`question-award-${i}`} />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>−</Button>
                  </Space>
                ))}
                <Button onClick={() => add({})}>{t('ballot.addQuestion')}</Button>
              </>
            )}
          </Form.List>
        ) : (
          <Form.Item
            name="candidateUnitIds"
            label={t('ballot.candidates')}
            extra={t('ballot.candidatesHint')}
          >
            <Select mode="multiple" options={units} optionFilterProp="label" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
