import type { ErrorCode } from '../src-shared/api/envelope';
import type { MessageKey } from '../src-shared/i18n';

/**
 * An expected failure with a stable code and a translatable message. Services throw it; dispatch
 * turns it into the error envelope in the caller's language. Anything else thrown is 'internal'.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${key}`);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
