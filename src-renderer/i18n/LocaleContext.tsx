/**
 * The screen language: Vietnamese unless the user switched to English on this PC (kept in
 * localStorage). It drives our texts, antd's built-in texts, dayjs month names, and the
 * accept-language the client sends, so server messages arrive in the same language.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { isLocale, t, type Locale, type MessageKey } from '../../src-shared/i18n';
import { useClient } from '../lib/ClientContext';

export const LOCALE_STORAGE_KEY = 'truongso.locale';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface LocaleValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const LocaleContext = createContext<LocaleValue | null>(null);

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  // Set during render, not in an effect: children's effects run first and their calls must already
  // carry the right accept-language.
  client.setLocale(locale);
  dayjs.locale(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage; the switch still works for this visit.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<LocaleValue>(
    () => ({ locale, setLocale, t: (key, params) => t(locale, key, params) }),
    [locale, setLocale],
  );

  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={locale === 'vi' ? viVN : enUS} theme={{ token: { colorPrimary: '#1565c0' } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale() outside <LocaleProvider>');
  return value;
}

export function useT(): Translate {
  return useLocale().t;
}
