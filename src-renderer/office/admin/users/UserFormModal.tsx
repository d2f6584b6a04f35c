/** Create an account, or change an account's name and role. */
import { Checkbox, Form, Input, Select } from 'antd';
import type { UserView } from '../../../../src-shared/api/auth';
import type { Role } from '../../../../src-shared/domain/roles';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { newPasswordRules } from '../../common/passwordRules';
import { useFormSave } from '../../common/useFormSave';
import { roleOptions } from './roleOptions';

interface UserFormValues {
  username: string;
  fullName: string;
  role: Role;
  password: string;
  mustChangePassword: boolean;
}

export interface UserFormModalProps {
  /** null: a new account. */
  user: UserView | null;
  /** The signed-in user may not change their own role (the server refuses too). */
  selfId: number;
  onClose(): void;
  /** After a save, and after a conflict (the list must be reloaded either way). */
  onChanged(user: UserView | null): void;
}

export function UserFormModal({ user, selfId, onClose, onChanged }: UserFormModalProps) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<UserFormValues>();
  const { busy, error, save } = useFormSave(form);
  const editing = user !== null;

  const submit = (values: UserFormValues) =>
    save({
      send: () =>
        user
          ? client.call('users.update', {
              id: user.id,
              version: user.version,
              fullName: values.fullName.trim(),
              ...(user.id === selfId ? {} : { role: values.role }),
            })
          : client.call('users.create', {
              username: values.username.trim(),
              fullName: values.fullName.trim(),
              role: values.role,
              password: values.password,
              mustChangePassword: values.mustChangePassword,
            }),
      savedText: (saved) => t(editing ? 'users.saved' : 'users.created', { username: saved.username }),
      onSaved: (saved) => onChanged(saved),
      // Someone else changed the account meanwhile: say so and show their version.
      onConflict: editing ? () => onChanged(null) : undefined,
    });

  return (
    <FormModal<UserFormValues>
      open
      form={form}
      title={editing ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      okText={editing ? t('common.save') : t('users.create')}
      busy={busy}
      error={error}
      initialValues={
        user
          ? { username: user.username, fullName: user.fullName, role: user.role }
          : { role: 'teacher', mustChangePassword: true }
      }
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item
        label={t('user.username')}
        name="username"
        extra={editing ? undefined : t('validation.username')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input disabled={editing} autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={32} />
      </Form.Item>
      <Form.Item
        label={t('user.fullName')}
        name="fullName"
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
      <Form.Item
        label={t('user.role')}
        name="role"
        rules={[{ required: true, message: t('validation.required') }]}
        extra={editing && user.id === selfId ? t('users.ownRole') : undefined}
      >
        <Select virtual={false} options={roleOptions(t)} disabled={editing && user.id === selfId} />
      </Form.Item>
      {!editing && (
        <>
          <Form.Item label={t('users.initialPassword')} name="password" rules={newPasswordRules(t)}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="mustChangePassword" valuePropName="checked">
            <Checkbox>{t('users.mustChangePassword')}</Checkbox>
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
