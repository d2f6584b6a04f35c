/**
 * Content-addressed storage under <data>/files: each distinct content is written once, named by its
 * SHA-256; the `files` table records each upload or generated file that points at it.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { files } from './schema';
import type { Store } from '../../store/open';
import { AppError } from '../../errors';

export type FileRecord = typeof files.$inferSelect;

export class FileStore {
  constructor(
    private readonly getStore: () => Store,
    readonly root: string,
  ) {}

  pathOf(sha256: string): string {
    if (!/^[a-f0-9]{64}$/.test(sha256)) throw new AppError('not_found', 'files.not_found');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Writes the bytes (if new) and records the file. */
  put(data: Buffer, meta: { name: string; mime: string; createdBy: number | null }): FileRecord {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // Written under a temporary name and renamed, so a crash never leaves a truncated file under the hash.
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      fs.writeFileSync(temp, data, { flush: true });
      fs.renameSync(temp, target);
    }
    return this.getStore()
      .orm.insert(files)
      .values({
        sha256,
        name: meta.name.normalize('NFC'),
        mime: meta.mime,
        size: data.length,
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
