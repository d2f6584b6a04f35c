/** Checks what arrives over the bridge with zod, reporting problems the way dispatch does (in Vietnamese). */
import { z } from 'zod';
import type { ApiError } from '../../src-shared/api/envelope';
import { inputError } from '../core/dispatch';

const vietnameseErrors = z.locales.vi().localeError;

export function parseBridgeInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; value: z.output<S> } | { ok: false; error: ApiError } {
  const parsed = schema.safeParse(raw, { error: vietnameseErrors });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: inputError(parsed.error.issues, 'vi') };
}
