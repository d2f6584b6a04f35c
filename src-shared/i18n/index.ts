/**
 * Message catalogs. Vietnamese is the source language; English must carry every key
 * (the type of `en` enforces it). Placeholders are written {name}.
 */
import { vi } from './vi';
import { en } from './en';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export type MessageKey = keyof typeof vi;

const catalogs: Record<Locale, Record<MessageKey, string>> = { vi, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

export function t(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogs[locale][key] ?? catalogs.vi[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Schemas in src-shared cannot know the caller's language, so a custom validation message is written
 * as `i18n:<key>` and translated where the issue is reported.
 */
export const I18N_PREFIX = 'i18n:';

export function msg(key: MessageKey): string {
  return I18N_PREFIX + key;
}

export function translateMaybe(locale: Locale, message: string): string {
  if (!message.startsWith(I18N_PREFIX)) return message;
  const key = message.slice(I18N_PREFIX.length);
  return Object.prototype.hasOwnProperty.call(catalogs.vi, key) ? t(locale, key as MessageKey) : message;
}
