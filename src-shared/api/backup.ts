import { z } from 'zod';
import { msg } from '../i18n';
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
  /**
   * How many backups of each kind to keep. 0 is refused, never rounded up: it would read as "keep
   * none", and quietly keeping one is not what was asked.
   */
  keep: z
    .number({ error: msg('validation.backupKeep') })
    .int({ error: msg('validation.backupKeep') })
    .min(1, { error: msg('validation.backupKeep') })
    .max(365, { error: msg('validation.backupKeep') }),
});
export type BackupSettings = z.infer<typeof backupSettings>;

/** After this many days without a copy off the server's disk, the backup page and the home page warn. */
export const OFF_DISK_WARN_DAYS = 7;
export const OFF_DISK_DESTINATIONS = ['folder', 'download'] as const;

/**
 * The last copy of a backup taken off the server's disk (a folder or USB drive through the desktop
 * app, or a browser download): backups on the same disk as the data die with that disk.
 */
export const offDiskStatus = z.object({
  lastCopyAt: isoDateTime.nullable(),
  lastCopyName: z.string().nullable(),
  lastCopyTo: z.enum(OFF_DISK_DESTINATIONS).nullable(),
  warnAfterDays: z.number().int(),
  /** No copy yet, or the last one is older than warnAfterDays. */
  overdue: z.boolean(),
});
export type OffDiskStatus = z.infer<typeof offDiskStatus>;

const backupName = z.string().min(1).max(200);

export const backupApi = {
  'backup.list': procedure({
    summary: 'Backups on disk, newest first, with the folder and the schedule.',
    input: empty,
    output: z.object({
      backups: z.array(backupView),
      directory: z.string(),
      settings: backupSettings,
      lastDaily: isoDateTime.nullable(),
      offDisk: offDiskStatus,
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
  'backup.offDisk.status': procedure({
    summary: 'When a backup was last copied off the server’s disk, and whether that is overdue (for the home page).',
    input: empty,
    output: offDiskStatus,
    permission: 'backup.manage',
    audit: 'none',
  }),
  'backup.copy.prepare': procedure({
    summary:
      'The SHA-256 of a backup on disk, before it is fetched (GET /files/backups/<name>) to copy it off the server: to a folder or USB drive in the desktop app, a download in the browser.',
    input: z.strictObject({ name: backupName }),
    output: z.object({ name: z.string(), size: z.number().int(), sha256: z.string() }),
    permission: 'backup.manage',
    audit: 'sensitive',
  }),
  'backup.copy.record': procedure({
    summary:
      'Record that a backup was copied off the server’s disk (after the desktop app verified it, or a download).',
    input: z.strictObject({
      name: backupName,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      to: z.enum(OFF_DISK_DESTINATIONS),
    }),
    output: offDiskStatus,
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
