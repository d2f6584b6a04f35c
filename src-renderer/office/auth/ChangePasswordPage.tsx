/** Change one's own password; also the page a user with a temporary password is sent to first. */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useClient } from '../../lib/ClientContext';
import { applyFieldErrors } from '../../lib/apiErrors';
import { useT } from '../../i18n/LocaleContext';
import { useSession, useSignedIn } from '../session/SessionContext';
import { PageTitle } from '../common/PageTitle';
import { newPasswordRules } from '../common/passwordRules';
import { ConfirmPasswordField } from '../common/ConfirmPasswordField';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const { user } = useSignedIn();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ currentPassword, newPassword }: ChangePasswordValues) => {
    setBusy(true);
    setError(null);
    const result = await client.call('auth.password.change', { currentPassword, newPassword });
    setBusy(false);
    if (!result.ok) {
      if (applyFieldErrors(form, result.error).length === 0) setError(result.error.message);
      return;
    }
    void message.success(t('password.changed'));
    form.resetFields();
    await refresh();
    await navigate('/', { replace: true });
  };

  return (
    <>
      <PageTitle title={t('password.title')} />
      <Card style={{ maxWidth: 480 }}>
        {user.mustChangePassword && (
          <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            label={t('password.current')}
            name="currentPassword"
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t('password.new')}
            name="newPassword"
            rules={newPasswordRules(t)}
            extra={t('password.hint')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <ConfirmPasswordField name="confirmPassword" passwordField="newPassword" />
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
