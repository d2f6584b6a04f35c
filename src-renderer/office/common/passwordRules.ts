/** Form rules shared by every "new password + type it again" pair. */
import type { FormRule } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { Translate } from '../../i18n/LocaleContext';

/** The server's rule (at least 8 characters), checked here too so the user hears it at once. */
export const MIN_PASSWORD_LENGTH = 8;

export function newPasswordRules(t: Translate): FormRule[] {
  return [
    { required: true, message: t('password.required') },
    { min: MIN_PASSWORD_LENGTH, message: t('validation.password') },
  ];
}

export function confirmPasswordRules(t: Translate, passwordField: NamePath): FormRule[] {
  return [
    { required: true, message: t('password.confirmRequired') },
    ({ getFieldValue }) => ({
      validator(_rule, value: unknown) {
        if (!value || getFieldValue(passwordField) === value) return Promise.resolve();
        return Promise.reject(new Error(t('password.mismatch')));
      },
    }),
  ];
}
