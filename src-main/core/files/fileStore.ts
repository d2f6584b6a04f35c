/**
 * Content-addressed storage under <data>/files: each distinct content is written once, named by its
 * SHA-256; the `files` table records each upload or generated file that points at it. Uploads arrive
 * in <data>/files/tmp, on the same file system, so storing one is a rename.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { files } from './schema';
import type { Store } from '../../store/open';
import { AppError } from '../../errors';

export type FileRecord = typeof files.$inferSelect;

export interface FileMeta {
  name: string;
  mime: string;
  createdBy: number | null;
}

/** An upload written to a temporary file, not stored yet. */
export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  size: number;
}

/** The upload went past the bytes allowed for it; what was written of it is already deleted. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload larger than ${maxBytes} bytes`);
  }
}

export class FileStore {
  constructor(
    private readonly getStore: () => Store,
    readonly root: string,
  ) {}

  pathOf(sha256: string): string {
    if (!/^[a-f0-9]{64}$/.test(sha256)) throw new AppError('not_found', 'files.not_found');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Where uploads are written while they arrive; emptied at server start. */
  get tempDir(): string {
    return path.join(this.root, 'tmp');
  }

  /** Writes the bytes (if new) and records the file. For files the server makes: uploads use receive(). */
  put(data: Buffer, meta: FileMeta): FileRecord {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // Written under a temporary name and renamed, so a crash never leaves a truncated file under the hash.
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      fs.writeFileSync(temp, data, { flush: true });
      fs.renameSync(temp, target);
    }
    return this.#insert(sha256, data.length, meta);
  }

  /**
   * Writes an upload to a temporary file as it arrives, hashing it on the way, so that no upload is ever
   * held in memory. Past maxBytes it stops reading and throws FileTooLargeError; on that or any other
   * failure (the client went away) the temporary file is deleted. The source is left open, so the
   * caller can still answer on its connection.
   */
  async receive(source: Readable, maxBytes: number): Promise<ReceivedFile> {
    fs.mkdirSync(this.tempDir, { recursive: true });
    const tempPath = path.join(this.tempDir, `${randomBytes(12).toString('hex')}.part`);
    const handle = await fs.promises.open(tempPath, 'wx');
    const hash = createHash('sha256');
    let size = 0;
    try {
      try {
        for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > maxBytes) throw new FileTooLargeError(maxBytes);
          hash.update(chunk);
          await handle.write(chunk);
        }
        // Renamed into the store next, so it must be on disk before its row commits.
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (e) {
      fs.rmSync(tempPath, { force: true });
      throw e;
    }
    return { tempPath, sha256: hash.digest('hex'), size };
  }

  /** Moves a received upload into the store (or drops it when the same content is stored) and records it. */
  putFile(received: ReceivedFile, meta: FileMeta): FileRecord {
    const target = this.pathOf(received.sha256);
    if (fs.existsSync(target)) fs.rmSync(received.tempPath, { force: true });
    else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(received.tempPath, target);
    }
    return this.#insert(received.sha256, received.size, meta);
  }

  /** Deletes a received upload that will not be stored. */
  discard(received: ReceivedFile): void {
    fs.rmSync(received.tempPath, { force: true });
  }

  /**
   * Deletes whatever uploads a stopped server left half-written. Only at server start: a CLI command
   * opens the same folder beside a running server, whose uploads are in flight.
   */
  clearTemporary(): void {
    fs.rmSync(this.tempDir, { recursive: true, force: true });
    fs.mkdirSync(this.tempDir, { recursive: true });
  }

  #insert(sha256: string, size: number, meta: FileMeta): FileRecord {
    return this.getStore()
      .orm.insert(files)
      .values({
        sha256,
        name: meta.name.normalize('NFC'),
        mime: meta.mime,
        size,
        createdBy: meta.createdBy,
        createdAt: Date.now(),
      })
      .returning()
      .get();
  }

  get(id: number): FileRecord {
    const row = this.getStore().orm.select().from(files).where(eq(files.id, id)).get();
    if (!row || !fs.existsSync(this.pathOf(row.sha256))) throw new AppError('not_found', 'files.not_found');
    return row;
  }

  read(id: number): { record: FileRecord; data: Buffer } {
    const record = this.get(id);
    return { record, data: fs.readFileSync(this.pathOf(record.sha256)) };
  }
}
