import { z } from 'zod';
import { procedure } from './procedure';
import { empty, id, isoDateTime, jobStarted } from './common';

export const BACKUP_KINDS = ['manual', 'daily', 'pre-migrate', 'pre-restore'] as const;

export const backupView = z.object({
  name: z.string(),
  kind: z.enum(BACKUP_KINDS),
  size: z.number().int(),
  createdAt: isoDateTime,
});
export type BackupView = z.infer<typeof backupView>;

export const backupSettings = z.strictObject({
  dailyEnabled: z.boolean(),
  /** Local time in the school's time zone, 'HH:mm'. */
  dailyTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** How many backups of each kind to keep. */
  keep: z.number().int().min(1).max(365),
});
export type BackupSettings = z.infer<typeof backupSettings>;

export const backupApi = {
  'backup.list': procedure({
    summary: 'Backups on disk, newest first, with the folder and the schedule.',
    input: empty,
    output: z.object({
      backups: z.array(backupView),
      directory: z.string(),
      settings: backupSettings,
      lastDaily: isoDateTime.nullable(),
    }),
    permission: 'backup.manage',
    audit: 'none',
  }),
  'backup.create': procedure({
    summary: 'Back up the database now (a job); each backup is integrity-checked.',
    input: empty,
    output: jobStarted,
    permission: 'backup.manage',
    audit: 'write',
  }),
  'backup.restore': procedure({
    summary: 'Replace the database with a backup on disk or an uploaded file; the current data is backed up first.',
    input: z.union([z.strictObject({ name: z.string().min(1).max(200) }), z.strictObject({ fileId: id })]),
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string().nullable() }),
    permission: 'backup.manage',
    audit: 'write',
  }),
  'backup.settings.update': procedure({
    summary: 'Change the daily backup schedule and retention.',
    input: backupSettings,
    output: backupSettings,
    permission: 'backup.manage',
    audit: 'write',
  }),
};
