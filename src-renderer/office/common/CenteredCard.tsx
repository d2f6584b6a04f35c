import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/LocaleContext';
import { LanguageSwitch } from '../layout/LanguageSwitch';

/** The frame of the pages shown before sign-in (login, first-run setup). */
export function CenteredCard({
  title,
  subtitle,
  width = 420,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  width?: number;
  children: ReactNode;
}) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '48px 16px', background: '#f0f4f9' }}>
      <main style={{ width: '100%', maxWidth: width }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Text strong style={{ fontSize: 18, color: '#1565c0' }}>
            {t('app.name')}
          </Typography.Text>
          <LanguageSwitch />
        </Flex>
        <Card>
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
          {children}
        </Card>
      </main>
    </Flex>
  );
}
