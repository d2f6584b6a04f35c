import { Flex, Spin } from 'antd';
import { useT } from '../../i18n/LocaleContext';

export function FullPageSpinner() {
  const t = useT();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" aria-label={t('app.loading')} />
    </Flex>
  );
}
