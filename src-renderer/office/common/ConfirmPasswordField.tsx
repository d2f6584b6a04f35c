/** "Type the new password again", checked against the password field it follows. */
import { Form, Input } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useT } from '../../i18n/LocaleContext';
import { confirmPasswordRules } from './passwordRules';

export function ConfirmPasswordField({ name, passwordField }: { name: NamePath; passwordField: NamePath }) {
  const t = useT();
  return (
    <Form.Item
      label={t('password.confirm')}
      name={name}
      dependencies={[passwordField]}
      rules={confirmPasswordRules(t, passwordField)}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
