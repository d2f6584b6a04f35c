/**
 * The account a staff member signs in with. Only an administrator may list accounts (users.list), so
 * only they choose; everyone else sees the linked username and leaves the link as it is.
 */
import { Form, Input, Select } from 'antd';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { filterByLabel } from '../common/codeOptions';

export function AccountField({ canChoose, username }: { canChoose: boolean; username: string | null }) {
  const t = useT();
  const users = useProcedure('users.list', canChoose ? { includeDisabled: false } : null);
  if (!canChoose) {
    return (
      <Form.Item label={t('staff.account')} extra={t('staff.accountAdminOnly')}>
        <Input value={username ?? t('staff.noAccount')} disabled />
      </Form.Item>
    );
  }
  return (
    <Form.Item label={t('staff.account')} name="userId" extra={t('staff.accountHint')}>
      <Select
        virtual={false}
        allowClear
        placeholder={t('staff.noAccount')}
        loading={users.loading}
        showSearch={{ filterOption: filterByLabel }}
        options={(users.data?.users ?? []).map((u) => ({ value: u.id, label: `${u.username} — ${u.fullName}` }))}
      />
    </Form.Item>
  );
}
