import { Card, Result, Tag, Typography } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { BackHomeButton } from './BackHomeButton';
import { useT } from '../../i18n/LocaleContext';
import type { ModuleEntry } from '../layout/modules';
import { PageTitle } from './PageTitle';

/**
 * A module that is not built yet: a real page that says so plainly, what it will do, what to use
 * meanwhile and where it stands in the plan, never a broken link nor an empty screen that looks built.
 */
export function UnderConstructionPage({ entry }: { entry: ModuleEntry }) {
  const t = useT();
  const name = t(entry.label);
  const plan = entry.underConstruction;
  return (
    <>
      <PageTitle
        title={name}
        extra={
          <Tag color="default" style={{ fontSize: 14 }}>
            {t('module.soon')}
          </Tag>
        }
      />
      <Result
        icon={<ToolOutlined aria-hidden="true" />}
        title={t('module.underConstruction', { name })}
        subTitle={t(entry.description)}
        style={{ paddingBlock: 16 }}
      />
      {plan && (
        <Card style={{ maxWidth: 760, marginInline: 'auto' }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('module.coming')}
          </Typography.Title>
          <ul style={{ paddingInlineStart: 20 }}>
            {plan.coming.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
          <Typography.Title level={4}>{t('module.meanwhile')}</Typography.Title>
          <Typography.Paragraph>{t(plan.meanwhile)}</Typography.Paragraph>
          <Typography.Title level={4}>{t('module.plan')}</Typography.Title>
          <Typography.Paragraph>{t(plan.plan)}</Typography.Paragraph>
          <BackHomeButton />
        </Card>
      )}
    </>
  );
}
