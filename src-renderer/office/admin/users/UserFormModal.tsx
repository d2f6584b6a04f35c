/** Create an account, or change an account's name and role. */
import { useState } from 'react';
import { App, Checkbox, Form, Input, Select } from 'antd';
import type { UserView } from '../../../../src-shared/api/auth';
import type { Role } from '../../../../src-shared/domain/roles';
import { useClient } from '../../../lib/ClientContext';
import { applyFieldErrors } from '../../../lib/apiErrors';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { newPasswordRules } from '../../common/passwordRules';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editing = user !== null;

  const submit = async (values: UserFormValues) => {
    setBusy(true);
    setError(null);
    const result = user
      ? await client.call('users.update', {
          id: user.id,
          version: user.version,
          fullName: values.fullName.trim(),
          ...(user.id === selfId ? {} : { role: values.role }),
        })
      : await client.call('users.create', {
          username: values.username.trim(),
          fullName: values.fullName.trim(),
          role: values.role,
          password: values.password,
          mustChangePassword: values.mustChangePassword,
        });
    setBusy(false);
    if (result.ok) {
      void message.success(t(editing ? 'users.saved' : 'users.created', { username: result.value.username }));
      onChanged(result.value);
      return;
    }
    if (result.error.code === 'conflict' && editing) {
      // Someone else changed the account meanwhile: say so and show their version.
      void message.error(result.error.message);
      onChanged(null);
      return;
    }
    if (applyFieldErrors(form, result.error).length === 0) setError(result.error.message);
  };

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
