import { useEffect } from 'react';
import { Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { TLoginRequest } from '../../../shared/auth';
import { LangSwitch } from '../../components/LangSwitch';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useDemoAccounts, useLogin, useMe } from './api';
import { DemoAccounts } from './DemoAccounts';
import './login.css';

/** Sign-in form, with the demo accounts when the server runs in demo mode. */
export function LoginPage() {
  const t = useT();
  const [form] = Form.useForm<TLoginRequest>();
  const login = useLogin();
  const demo = useDemoAccounts();
  const me = useMe();
  const navigate = useNavigate();
  const showError = useShowError();

  useEffect(() => {
    if (me.data) void navigate('/', { replace: true });
  }, [me.data, navigate]);

  const onFinish = (values: TLoginRequest) => {
    login.mutate(values, { onError: (err) => showError(err, form) });
  };
  const demoData = demo.data?.demo === true && demo.data.accounts.length > 0 ? demo.data : null;

  return (
    <div className="login-page">
      <div className="login-top">
        <LangSwitch />
      </div>
      <Row gutter={[24, 24]} justify="center" align="top" className="login-content">
        <Col xs={24} lg={8}>
          <div className="login-brand">
            <Typography.Title level={1}>{t('app.name')}</Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          <Card title={t('login.title')}>
            <Form form={form} name="login" layout="vertical" onFinish={onFinish} requiredMark={false}>
              <Form.Item
                name="login"
                label={t('login.login')}
                rules={[
                  { required: true, message: t('login.required', { field: t('login.login').toLowerCase() }) },
                ]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('login.password')}
                rules={[
                  {
                    required: true,
                    message: t('login.required', { field: t('login.password').toLowerCase() }),
                  },
                ]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={login.isPending}
                data-testid="login-submit"
              >
                {t('login.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        {demoData && (
          <Col xs={24} lg={16}>
            <DemoAccounts data={demoData} onPick={(l, p) => form.setFieldsValue({ login: l, password: p })} />
          </Col>
        )}
      </Row>
    </div>
  );
}
