import { describe, expect, it } from 'vitest';
import { vi as viCatalog } from '../../../src-shared/i18n/vi';
import { en as enCatalog } from '../../../src-shared/i18n/en';
import { msg, t, translateMaybe } from '../../../src-shared/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('English carries every Vietnamese key with the same placeholders', () => {
    for (const [key, text] of Object.entries(viCatalog)) {
      const english = (enCatalog as Record<string, string>)[key];
      expect(english, key).toBeTypeOf('string');
      expect(placeholders(english!), key).toEqual(placeholders(text));
    }
    expect(Object.keys(enCatalog).length).toBe(Object.keys(viCatalog).length);
  });

  it('Vietnamese texts are NFC', () => {
    for (const [key, text] of Object.entries(viCatalog)) expect(text, key).toBe(text.normalize('NFC'));
  });

  it('fills placeholders and translates i18n: messages', () => {
    expect(t('vi', 'auth.rate_limited.pair', { minutes: 15 })).toBe(
      'Đã nhập sai mật khẩu quá nhiều lần cho tài khoản này từ máy này. Vui lòng thử lại sau 15 phút hoặc nhờ quản trị viên đặt lại mật khẩu',
    );
    expect(translateMaybe('en', msg('validation.required'))).toBe('Required');
    expect(translateMaybe('vi', 'plain text')).toBe('plain text');
  });
});
