import { Button, Flex, Layout, Space, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLocale } from '../../i18n/LocaleContext';
import { useSession, useSignedIn } from '../session/SessionContext';
import { useSchoolStatus } from '../start/SchoolStatusContext';
import { LanguageSwitch } from './LanguageSwitch';

export function AppHeader() {
  const { t } = useLocale();
  const { user, schoolName } = useSignedIn();
  const { signOut } = useSession();
  const { status } = useSchoolStatus();
  const navigate = useNavigate();

  return (
    <Layout.Header style={{ background: '#fff', paddingInline: 24, borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
      <Flex align="center" justify="space-between" gap="middle" style={{ height: '100%' }}>
        <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
          {schoolName ?? status.schoolName ?? t('app.name')}
        </Typography.Text>
        <Space size="middle" wrap={false}>
          <span>
            <UserOutlined aria-hidden="true" /> <Typography.Text strong>{user.fullName}</Typography.Text>{' '}
            <Typography.Text type="secondary">({t(`role.${user.role}`)})</Typography.Text>
          </span>
          <LanguageSwitch />
          <Button icon={<KeyOutlined />} onClick={() => void navigate('/change-password')}>
            {t('header.changePassword')}
          </Button>
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
            {t('header.logout')}
          </Button>
        </Space>
      </Flex>
    </Layout.Header>
  );
}
