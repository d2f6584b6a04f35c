import { Button, Flex, Layout, Space, Tooltip, Typography } from 'antd';
import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLocale } from '../../i18n/LocaleContext';
import { useSession, useSignedIn } from '../session/SessionContext';
import { useSchoolStatus } from '../start/SchoolStatusContext';
import { LanguageSwitch } from './LanguageSwitch';
import { useConfirmLeave } from '../../lib/useUnsavedChanges';

export function AppHeader() {
  const { t } = useLocale();
  const { user, schoolName } = useSignedIn();
  const { signOut } = useSession();
  const { status } = useSchoolStatus();
  const navigate = useNavigate();
  const confirmLeave = useConfirmLeave();

  return (
    <Layout.Header style={{ background: '#fff', paddingInline: 24, borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
      <Flex align="center" justify="space-between" gap="middle" style={{ height: '100%' }}>
        <Typography.Text strong ellipsis={{ tooltip: true }} style={{ fontSize: 16 }}>
          {schoolName ?? status.schoolName ?? t('app.name')}
        </Typography.Text>
        <Space size="middle" wrap={false}>
          {/* On one line: wrapped, the role would spill out of the header's height. */}
          <span style={{ whiteSpace: 'nowrap' }}>
            <UserOutlined aria-hidden="true" /> <Typography.Text strong>{user.fullName}</Typography.Text>{' '}
            <Typography.Text type="secondary" className="ts-header-role">
              ({t(`role.${user.role}`)})
            </Typography.Text>
          </span>
          <LanguageSwitch />
          {/* A rare action: an icon, named for screen readers and on hover, leaves room for the school's name. */}
          <Tooltip title={t('header.changePassword')}>
            <Button
              icon={<LockOutlined aria-hidden="true" />}
              aria-label={t('header.changePassword')}
              onClick={() => void navigate('/change-password')}
            />
          </Tooltip>
          <Button
            icon={<LogoutOutlined aria-hidden="true" />}
            // Signing out drops the page without a navigation the guard would see: ask here.
            onClick={() =>
              void confirmLeave().then(async (leave) => {
                if (leave) await signOut();
              })
            }
          >
            {t('header.logout')}
          </Button>
        </Space>
      </Flex>
    </Layout.Header>
  );
}
