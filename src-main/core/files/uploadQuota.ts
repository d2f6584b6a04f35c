/**
 * How much one user may be uploading at once: each upload in flight holds a temporary file and a
 * connection, so one account (or a script using it) cannot fill the server's disk or its sockets.
 */
import { AppError } from '../../errors';
import { formatBytes } from '../../../src-shared/domain/uploads';

export const MAX_UPLOADS_IN_FLIGHT = 3;
export const MAX_BYTES_IN_FLIGHT = 250 * 1024 * 1024;

interface InFlight {
  count: number;
  bytes: number;
}

export class UploadQuota {
  readonly #byUser = new Map<number, InFlight>();

  constructor(
    private readonly maxUploads = MAX_UPLOADS_IN_FLIGHT,
    private readonly maxBytes = MAX_BYTES_IN_FLIGHT,
  ) {}

  /**
   * Counts an upload of at most `bytes` against the user until the returned function is called;
   * refuses it when it would take the user past either limit.
   */
  reserve(userId: number, bytes: number): () => void {
    const current = this.#byUser.get(userId) ?? { count: 0, bytes: 0 };
    if (current.count >= this.maxUploads) {
      throw new AppError('rule_violation', 'files.too_many_uploads', { max: this.maxUploads });
    }
    if (current.bytes + bytes > this.maxBytes) {
      throw new AppError('rule_violation', 'files.too_much_in_flight', { limit: formatBytes(this.maxBytes) });
    }
    current.count += 1;
    current.bytes += bytes;
    this.#byUser.set(userId, current);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      current.count -= 1;
      current.bytes -= bytes;
      if (current.count === 0) this.#byUser.delete(userId);
    };
  }
}
