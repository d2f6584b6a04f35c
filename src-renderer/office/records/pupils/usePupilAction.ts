/**
 * Sending one of a pupil's status changes (chuyển đi, thôi học, nhận lại) from its dialog: field errors
 * go under the fields, a stale version closes the dialog and reloads the profile with the news.
 */
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import type { Result } from '../../../../src-shared/api/envelope';
import { applyFieldErrors } from '../../../lib/apiErrors';

export function usePupilAction<V>(form: FormInstance<V>, done: () => void, successText: string) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (send: () => Promise<Result<unknown>>) => {
    setBusy(true);
    setError(null);
    const result = await send();
    setBusy(false);
    if (result.ok) {
      void message.success(successText);
      done();
    } else if (result.error.code === 'conflict') {
      void message.error(result.error.message);
      done();
    } else if (applyFieldErrors(form, result.error).length === 0) setError(result.error.message);
  };

  return { busy, error, run };
}
