/**
 * The token's PIN, typed for this signing only: a password field whose value lives in the dialog's
 * state until it is sent, then cleared. Above it, what the token's counters say (orange: a wrong PIN
 * was typed before; red: one try left, signing needs a tick; red and no field: the PIN is locked).
 */
import { Alert, Checkbox, Form, Input } from 'antd';
import { useT } from '../../../i18n/LocaleContext';
import type { PinLevel } from './pinGuard';

export const PIN_INPUT_ID = 'documents-sign-pin';

export function PinField({
  level,
  pin,
  onPin,
  confirmed,
  onConfirmed,
  error,
  disabled,
}: {
  level: PinLevel;
  pin: string;
  onPin(pin: string): void;
  confirmed: boolean;
  onConfirmed(confirmed: boolean): void;
  /** A problem to show under the field (too short). */
  error?: string | null;
  disabled?: boolean;
}) {
  const t = useT();
  return (
    <>
      {level === 'low' && (
        <Alert type="warning" showIcon role="alert" title={t('documentsUi.sign.pinLow')} style={{ marginBottom: 12 }} />
      )}
      {level === 'finalTry' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('documentsUi.sign.pinFinalTry')}
          description={
            <Checkbox checked={confirmed} disabled={disabled} onChange={(e) => onConfirmed(e.target.checked)}>
              {t('documentsUi.sign.pinFinalConfirm')}
            </Checkbox>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {level === 'locked' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('documentsUi.sign.pinLocked')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form.Item
        label={t('documentsUi.sign.pin')}
        htmlFor={PIN_INPUT_ID}
        extra={t('documentsUi.sign.pinHint')}
        validateStatus={error ? 'error' : level === 'low' ? 'warning' : undefined}
        help={error ?? undefined}
        required
      >
        <Input.Password
          id={PIN_INPUT_ID}
          value={pin}
          onChange={(e) => onPin(e.target.value)}
          disabled={disabled || level === 'locked'}
          // Never offered to a password manager, never filled in by the browser.
          autoComplete="off"
          maxLength={64}
          style={{ maxWidth: 280 }}
        />
      </Form.Item>
    </>
  );
}
