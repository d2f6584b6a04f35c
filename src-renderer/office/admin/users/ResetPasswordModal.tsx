/** Give an account a new password; its owner must change it at the next sign-in. */
import { Form, Input, Typography } from 'antd';
import type { UserView } from '../../../../src-shared/api/auth';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { newPasswordRules } from '../../common/passwordRules';
import { ConfirmPasswordField } from '../../common/ConfirmPasswordField';
import { useFormSave } from '../../common/useFormSave';

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
  const [form] = Form.useForm<ResetValues>();
  const { busy, error, save } = useFormSave(form);

  const submit = ({ newPassword }: ResetValues) =>
    save({
      send: () => client.call('users.password.reset', { id: user.id, newPassword }),
      savedText: () => t('users.passwordReset', { username: user.username }),
      onSaved: onChanged,
    });

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
      <ConfirmPasswordField name="confirmPassword" passwordField="newPassword" />
    </FormModal>
  );
}
