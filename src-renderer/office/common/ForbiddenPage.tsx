import { Result } from 'antd';
import { BackHomeButton } from './BackHomeButton';
import { useT } from '../../i18n/LocaleContext';

/** What a page shows when the server refused its data to this user. */
export function ForbiddenPage() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('page.forbidden.title')}
      subTitle={t('page.forbidden.text')}
      extra={<BackHomeButton />}
    />
  );
}
