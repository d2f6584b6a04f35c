import fs from 'node:fs';
import type { backupApi } from '../../../src-shared/api/backup';
import type { HandlersFor } from '../handlers';
import { currentUser } from '../context';
import { backupPath } from '../../store/backup';
import { AppError } from '../../errors';

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
    };
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
