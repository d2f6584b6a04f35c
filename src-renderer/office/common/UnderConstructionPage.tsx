import { Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { BackHomeButton } from './BackHomeButton';
import { useT } from '../../i18n/LocaleContext';
import type { ModuleEntry } from '../layout/modules';
import { PageTitle } from './PageTitle';

/** A module that is not built yet: a real page that says so, never a broken link. */
export function UnderConstructionPage({ entry }: { entry: ModuleEntry }) {
  const t = useT();
  const name = t(entry.label);
  return (
    <>
      <PageTitle title={name} />
      <Result
        icon={<ToolOutlined />}
        title={t('module.underConstruction', { name })}
        subTitle={
          <>
            {t(entry.description)}
            <br />
            {t('module.underConstructionHint')}
          </>
        }
        extra={<BackHomeButton />}
      />
    </>
  );
}
