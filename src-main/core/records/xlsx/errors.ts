import { xlsxMessage, type XlsxMessageKey, type XlsxParams } from './messages';

/** A whole-file problem: the import cannot go on. `message` is Vietnamese; `key`/`params` re-translate it. */
export class XlsxError extends Error {
  constructor(
    readonly key: XlsxMessageKey,
    readonly params: XlsxParams = {},
  ) {
    super(xlsxMessage('vi', key, params));
    this.name = 'XlsxError';
  }
}

/**
 * Also true for an XlsxError that crossed a worker thread: structured clone keeps its own fields
 * (name, message, key, params) but not its class.
 */
export function isXlsxError(e: unknown): e is XlsxError {
  if (e instanceof XlsxError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const candidate = e as { name?: unknown; key?: unknown };
  return candidate.name === 'XlsxError' && typeof candidate.key === 'string';
}
