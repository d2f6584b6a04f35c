/** Give an account a new password; its owner must change it at the next sign-in. */
import { useState } from 'react';
import { App, Form, Input, Typography } from 'antd';
import type { UserView } from '../../../../src-shared/api/auth';
import { useClient } from '../../../lib/ClientContext';
import { applyFieldErrors } from '../../../lib/apiErrors';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { confirmPasswordRules, newPasswordRules } from '../../common/passwordRules';

interface ResetValues {
  newPassword: string;
  confirmPassword: string;
}

export function ResetPasswordModal({
  user,
  onClose,
  onChanged,
}: {
  user: UserView;
  onClose(): void;
  onChanged(): void;
}) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ newPassword }: ResetValues) => {
    setBusy(true);
    setError(null);
    const result = await client.call('users.password.reset', { id: user.id, newPassword });
    setBusy(false);
    if (result.ok) {
      void message.success(t('users.passwordReset', { username: user.username }));
      onChanged();
    } else if (applyFieldErrors(form, result.error).length === 0) setError(result.error.message);
  };

  return (
    <FormModal<ResetValues>
      open
      form={form}
      title={t('users.resetTitle', { username: user.username })}
      okText={t('users.resetPassword')}
      busy={busy}
      error={error}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Typography.Paragraph type="secondary">{t('users.resetHint', { name: user.fullName })}</Typography.Paragraph>
      <Form.Item label={t('password.new')} name="newPassword" rules={newPasswordRules(t)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('password.confirm')}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={confirmPasswordRules(t, 'newPassword')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
