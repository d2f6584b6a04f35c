/** Errors cross the thread boundary as data and come back as the classes callers test for. */
import { AppError } from '../errors';
import { XlsxError } from '../core/records/xlsx/errors';
import type { ErrorCode } from '../../src-shared/api/envelope';
import type { MessageKey } from '../../src-shared/i18n';

export type SerializedError =
  | {
      kind: 'app';
      code: ErrorCode;
      key: MessageKey;
      params: Record<string, string | number>;
      details?: Record<string, unknown>;
    }
  | { kind: 'xlsx'; key: string; params: Record<string, string | number>; message: string }
  | { kind: 'other'; message: string; stack?: string };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof AppError) return { kind: 'app', code: e.code, key: e.key, params: e.params, details: e.details };
  if (e instanceof XlsxError) return { kind: 'xlsx', key: e.key, params: e.params, message: e.message };
  return e instanceof Error
    ? { kind: 'other', message: e.message, stack: e.stack }
    : { kind: 'other', message: String(e) };
}

export function deserializeError(s: SerializedError): Error {
  if (s.kind === 'app') return new AppError(s.code, s.key, s.params, s.details);
  if (s.kind === 'xlsx') return new XlsxError(s.key as ConstructorParameters<typeof XlsxError>[0], s.params);
  const error = new Error(s.message);
  if (s.stack) error.stack = s.stack;
  return error;
}
