/** Sign-in. Server messages (wrong password, locked account, too many attempts) are shown as sent. */
import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useClient } from '../../lib/ClientContext';
import { useT } from '../../i18n/LocaleContext';
import { useSession, type SessionNotice } from '../session/SessionContext';
import { useSchoolStatus } from '../start/SchoolStatusContext';
import { CenteredCard } from '../common/CenteredCard';
import type { MessageKey } from '../../../src-shared/i18n';

interface LoginValues {
  username: string;
  password: string;
}

const NOTICE_TEXT: Record<SessionNotice, { key: MessageKey; type: 'warning' | 'success' | 'info' }> = {
  expired: { key: 'login.expired', type: 'warning' },
  restored: { key: 'login.restored', type: 'success' },
  signedOut: { key: 'login.signedOut', type: 'info' },
};

export function LoginPage() {
  const t = useT();
  const client = useClient();
  const { session, notice, signIn } = useSession();
  const { status } = useSchoolStatus();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  if (session) return <Navigate to={from && from !== '/login' ? from : '/'} replace />;

  const submit = async ({ username, password }: LoginValues) => {
    setBusy(true);
    setError(null);
    const result = await client.call('auth.login', { username, password });
    if (!result.ok) {
      setBusy(false);
      setError(result.error.message);
      return;
    }
    const failure = await signIn(result.value.token);
    setBusy(false);
    if (failure) setError(failure.message);
    else await navigate(from && from !== '/login' ? from : '/', { replace: true });
  };

  const shownNotice = !error && notice ? NOTICE_TEXT[notice] : null;

  return (
    <CenteredCard title={t('login.title')} subtitle={status.schoolName ?? undefined}>
      {status.demo && <Alert type="info" showIcon title={t('login.demoNote')} style={{ marginBottom: 16 }} />}
      {shownNotice && (
        <Alert type={shownNotice.type} showIcon title={t(shownNotice.key)} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form<LoginValues> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          label={t('login.username')}
          name="username"
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input autoFocus autoComplete="username" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('login.submit')}
        </Button>
      </Form>
    </CenteredCard>
  );
}
