import { Segmented } from 'antd';
import { useLocale } from '../../i18n/LocaleContext';
import type { Locale } from '../../../src-shared/i18n';

/** Tiếng Việt / English; each option is named in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useLocale();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('lang.label')}
      value={locale}
      onChange={setLocale}
      options={[
        { value: 'vi', label: 'Tiếng Việt' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
