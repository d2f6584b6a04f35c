/**
 * Sending a form to the server, the same way in every form that saves a record: the button spins
 * while the server works; a save is confirmed in a message and handed on; a stale version (someone
 * else saved the record meanwhile) is said in a message and the caller shows the record as it is now;
 * the server's field errors land under their fields, and any other error above the form.
 */
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import type { Result } from '../../../src-shared/api/envelope';
import { applyFieldErrors, type FieldPath } from '../../lib/apiErrors';

export interface SaveRequest<T> {
  send(): Promise<Result<T>>;
  /** The message after a save, from the record as the server saved it. */
  savedText(saved: T): string;
  onSaved(saved: T): void;
  /**
   * Only for a change to a record the form was loaded with: the version sent was stale. The message
   * says so; the caller then shows the record as it is now. Without it, a conflict is an error like
   * any other.
   */
  onConflict?(): void;
}

export interface FormSave {
  busy: boolean;
  /** A message that belongs to no single field. */
  error: string | null;
  save<T>(request: SaveRequest<T>): Promise<void>;
}

/** `toFormPath` places the server's field paths on the form, as in applyFieldErrors. */
export function useFormSave(form: FormInstance, toFormPath?: (field: string) => FieldPath | null): FormSave {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async <T>({ send, savedText, onSaved, onConflict }: SaveRequest<T>) => {
    setBusy(true);
    setError(null);
    const result = await send();
    setBusy(false);
    if (result.ok) {
      void message.success(savedText(result.value));
      onSaved(result.value);
    } else if (result.error.code === 'conflict' && onConflict && result.error.details?.field === undefined) {
      // A conflict that names a field is a value another record has (a taken code): it goes under the field.
      void message.error(result.error.message);
      onConflict();
    } else if (applyFieldErrors(form, result.error, toFormPath).length === 0) setError(result.error.message);
  };

  return { busy, error, save };
}
