import { Result } from 'antd';
import { BackHomeButton } from './BackHomeButton';
import { useT } from '../../i18n/LocaleContext';

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('page.notFound.title')}
      subTitle={t('page.notFound.text')}
      extra={<BackHomeButton />}
    />
  );
}
