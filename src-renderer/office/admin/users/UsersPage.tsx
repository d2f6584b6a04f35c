/** Người dùng: the school's accounts, their roles, passwords and locks (users.manage). */
import { useState } from 'react';
import { App, Button, Flex, Input, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { UserView } from '../../../../src-shared/api/auth';
import { formatInstantVn } from '../../../../src-shared/domain/dates';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { useSession, useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { EditLink } from '../../common/RowLinks';
import { UserFormModal } from './UserFormModal';
import { ResetPasswordModal } from './ResetPasswordModal';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'reset'; user: UserView } | null;

export function UsersPage() {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const { user: me } = useSignedIn();
  const { refresh } = useSession();
  const [search, setSearch] = useState('');
  const list = useProcedure('users.list', { search: search.trim() || undefined, includeDisabled: true });
  const [dialog, setDialog] = useState<Dialog>(null);

  const setDisabled = async (user: UserView, disabled: boolean) => {
    const result = await client.call('users.status.set', { id: user.id, disabled });
    if (result.ok) {
      void message.success(t(disabled ? 'users.locked' : 'users.unlocked', { username: user.username }));
    } else void message.error(result.error.message);
    list.reload();
  };

  const columns: TableColumnsType<UserView> = [
    { title: t('user.username'), dataIndex: 'username', key: 'username' },
    { title: t('user.fullName'), dataIndex: 'fullName', key: 'fullName' },
    { title: t('user.role'), dataIndex: 'role', key: 'role', render: (_v, u) => t(`role.${u.role}`) },
    {
      title: t('user.status'),
      key: 'status',
      render: (_v, u) => (
        <Space size={4} wrap>
          {u.disabled ? (
            <Tag color="red">{t('users.status.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('users.status.active')}</Tag>
          )}
          {u.mustChangePassword && !u.disabled && <Tag color="orange">{t('users.status.mustChange')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('user.lastLogin'),
      key: 'lastLoginAt',
      render: (_v, u) => (u.lastLoginAt ? formatInstantVn(u.lastLoginAt) : t('users.neverSignedIn')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      // The table scrolls sideways on small screens; the actions stay in view.
      fixed: 'right',
      render: (_v, u) => (
        <Space size={0} wrap>
          <EditLink
            label={t('users.editAria', { username: u.username })}
            onClick={() => setDialog({ kind: 'edit', user: u })}
          />
          <Button
            type="link"
            size="small"
            aria-label={t('users.resetAria', { username: u.username })}
            onClick={() => setDialog({ kind: 'reset', user: u })}
          >
            {t('users.resetPassword')}
          </Button>
          {u.id !== me.id && (
            <Popconfirm
              title={t(u.disabled ? 'users.unlockConfirm' : 'users.lockConfirm', { username: u.username })}
              description={u.disabled ? undefined : t('users.lockConsequence')}
              okText={u.disabled ? t('users.unlock') : t('users.lock')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: !u.disabled }}
              onConfirm={() => setDisabled(u, !u.disabled)}
            >
              <Button
                type="link"
                size="small"
                danger={!u.disabled}
                aria-label={t(u.disabled ? 'users.unlockAria' : 'users.lockAria', { username: u.username })}
              >
                {u.disabled ? t('users.unlock') : t('users.lock')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const closeAndReload = (changed?: UserView | null) => {
    setDialog(null);
    list.reload();
    // One's own new name belongs in the header too.
    if (changed?.id === me.id) void refresh();
  };

  return (
    <LoadGate loaded={list.data !== undefined} error={list.error} retry={list.reload}>
      <PageTitle
        title={t('nav.users')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.add')}
          </Button>
        }
      />
      <Flex style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          allowClear
          enterButton={t('common.search')}
          onSearch={setSearch}
          style={{ maxWidth: 420 }}
        />
      </Flex>
      <Table<UserView>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.users ?? []}
        loading={list.loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        size="middle"
        scroll={{ x: 'max-content' }}
      />
      {dialog?.kind === 'create' && (
        <UserFormModal user={null} selfId={me.id} onClose={() => setDialog(null)} onChanged={closeAndReload} />
      )}
      {dialog?.kind === 'edit' && (
        <UserFormModal user={dialog.user} selfId={me.id} onClose={() => setDialog(null)} onChanged={closeAndReload} />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} onChanged={() => closeAndReload()} />
      )}
    </LoadGate>
  );
}
