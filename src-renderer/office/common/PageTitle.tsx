import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/LocaleContext';

/** The page's heading, also put in the window title so the taskbar says where the user is. */
export function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Flex align="center" justify="space-between" wrap gap="small" style={{ marginBottom: 16 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
