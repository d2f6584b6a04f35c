import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { backupApi } from '../../../src-shared/api/backup';
import type { HandlersFor } from '../handlers';
import { currentUser, writeNamingTarget } from '../context';
import { backupPath } from '../../store/backup';
import { AppError } from '../../errors';

/** Streamed through the hash, never read whole into memory: backups run to hundreds of MB. */
async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

export const backupHandlers: HandlersFor<typeof backupApi> = {
  'backup.list': (ctx) => {
    const service = ctx.app.backups;
    return {
      backups: service.list().map((b) => ({
        name: b.name,
        kind: b.kind,
        size: b.size,
        createdAt: b.createdAt.toISOString(),
      })),
      directory: service.directory,
      settings: service.settings(),
      lastDaily: service.lastDaily(),
      offDisk: service.offDiskStatus(),
    };
  },

  'backup.offDisk.status': (ctx) => ctx.app.backups.offDiskStatus(),

  'backup.copy.prepare': async (ctx, input) => {
    ctx.audit.target = input.name;
    const source = backupPath(ctx.app.backups.directory, input.name);
    // Only its SHA-256, for the desktop app to check its copy against: the bytes are then streamed
    // straight from the backups folder (GET /files/backups/<name>, server/files.ts), nothing is stored.
    const { sha256, size } = await hashFile(source);
    return { name: input.name, size, sha256 };
  },

  'backup.copy.record': async (ctx, input) => {
    const service = ctx.app.backups;
    // Named before the checks, so that a refused claim of a copy is audited with its backup too.
    ctx.audit.target = input.name;
    // Only a backup that is still on disk, with the very bytes the copy was checked against.
    const { sha256 } = await hashFile(backupPath(service.directory, input.name));
    if (sha256 !== input.sha256) throw new AppError('rule_violation', 'backup.copy_mismatch', { name: input.name });
    ctx.audit.details = { to: input.to };
    return writeNamingTarget(
      ctx,
      () => service.recordOffDiskCopy(input.name, input.to),
      () => input.name,
    );
  },

  'backup.create': (ctx) => {
    const job = ctx.app.jobs.start('backup', currentUser(ctx).id, async (handle) => {
      const file = await ctx.app.backups.backup('manual', (done, total) => {
        // Between copy steps: a cancelled backup stops there and leaves no file.
        handle.throwIfCancelled();
        handle.progress(done, total);
      });
      return { name: file.name, size: file.size };
    });
    ctx.audit.target = `job:${job.id}`;
    return { jobId: job.id };
  },

  'backup.restore': async (ctx, input) => {
    const service = ctx.app.backups;
    let source: string;
    let label: string;
    if ('name' in input) {
      source = backupPath(service.directory, input.name);
      label = input.name;
    } else {
      const record = ctx.app.files.get(input.fileId);
      const me = currentUser(ctx);
      if (record.createdBy !== me.id) throw new AppError('not_found', 'files.not_found');
      source = ctx.app.files.pathOf(record.sha256);
      label = record.name;
    }
    if (!fs.existsSync(source)) throw new AppError('not_found', 'backup.not_found', { name: label });
    const { safetyBackup } = await service.restore(source);
    ctx.audit.target = label;
    const safety = safetyBackup?.name ?? null;
    ctx.audit.details = { restoredFrom: label, safetyBackup: safety };
    return { restoredFrom: label, safetyBackup: safety };
  },

  'backup.settings.update': (ctx, input) => ctx.app.backups.saveSettings(input),
};
