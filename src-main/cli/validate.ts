import { z } from 'zod';
import { inputError } from '../core/dispatch';
import { CliError, EXIT_MISUSE } from './output';

/** Checks command-line values with the same schemas the procedures use, reporting in Vietnamese. */
export function validateArgs<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value, { error: z.locales.vi().localeError });
  if (parsed.success) return parsed.data;
  throw new CliError(inputError(parsed.error.issues, 'vi').message, EXIT_MISUSE);
}
