/**
 * Backups as the app sees them: on demand, daily on a schedule, before a restore; one at a time.
 */
import path from 'node:path';
import { z } from 'zod';
import dayjs from 'dayjs';
import {
  OFF_DISK_DESTINATIONS,
  OFF_DISK_WARN_DAYS,
  backupSettings,
  type BackupSettings,
  type OffDiskStatus,
} from '../../../src-shared/api/backup';
import { SCHOOL_TIME_ZONE, todayIso } from '../../../src-shared/domain/dates';
import { backupDatabase, listBackups, restoreDatabase, type BackupFile, type BackupKind } from '../../store/backup';
import type { Store } from '../../store/open';
import { readSetting, writeSetting } from '../../store/settings';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/log';
import { sessions } from '../auth/schema';
import type { Logger } from '../context';

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { dailyEnabled: true, dailyTime: '11:30', keep: 14 };
const SETTINGS_KEY = 'backup';
const LAST_DAILY_KEY = 'backup.lastDaily';
const LAST_OFF_DISK_KEY = 'backup.lastOffDiskCopy';
const DAY_MS = 24 * 60 * 60 * 1000;

const lastOffDiskCopy = z.object({ at: z.string(), name: z.string(), to: z.enum(OFF_DISK_DESTINATIONS) }).nullable();
const TICK_MS = 60_000;

export class BackupService {
  #busy = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly getStore: () => Store,
    readonly directory: string,
    private readonly log: Logger,
  ) {}

  settings(): BackupSettings {
    return readSetting(this.getStore(), SETTINGS_KEY, backupSettings, DEFAULT_BACKUP_SETTINGS);
  }

  saveSettings(value: BackupSettings): BackupSettings {
    writeSetting(this.getStore(), SETTINGS_KEY, value);
    return value;
  }

  lastDaily(): string | null {
    return readSetting(this.getStore(), LAST_DAILY_KEY, z.string().nullable(), null);
  }

  /** The last copy off the server's disk, and whether the pages should warn about it. */
  offDiskStatus(now: Date = new Date()): OffDiskStatus {
    const last = readSetting(this.getStore(), LAST_OFF_DISK_KEY, lastOffDiskCopy, null);
    const overdue = last === null || now.getTime() - new Date(last.at).getTime() > OFF_DISK_WARN_DAYS * DAY_MS;
    return {
      lastCopyAt: last?.at ?? null,
      lastCopyName: last?.name ?? null,
      lastCopyTo: last?.to ?? null,
      warnAfterDays: OFF_DISK_WARN_DAYS,
      overdue,
    };
  }

  recordOffDiskCopy(name: string, to: (typeof OFF_DISK_DESTINATIONS)[number], now: Date = new Date()): OffDiskStatus {
    writeSetting(this.getStore(), LAST_OFF_DISK_KEY, { at: now.toISOString(), name, to });
    return this.offDiskStatus(now);
  }

  list(): BackupFile[] {
    return listBackups(this.directory);
  }

  async #exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.#busy) throw new AppError('rule_violation', 'backup.in_progress');
    this.#busy = true;
    try {
      return await work();
    } finally {
      this.#busy = false;
    }
  }

  backup(kind: BackupKind, onProgress?: (done: number, total: number) => void): Promise<BackupFile> {
    return this.#exclusive(() =>
      backupDatabase(this.getStore().db, this.directory, kind, { keep: this.settings().keep, onProgress }),
    );
  }

  /**
   * Restores from a file anywhere on disk (a backup of ours or an uploaded copy). Sessions in the
   * restored file are ended: a session revoked since the backup must not come back to life.
   */
  restore(source: string): Promise<{ safetyBackup: BackupFile | null }> {
    return this.#exclusive(async () => {
      const store = this.getStore();
      const result = await restoreDatabase(
        {
          file: store.file,
          migrationsFolder: store.migrationsFolder,
          backupDir: this.directory,
          liveDb: store.db,
          closeLive: () => store.close(),
          reopen: () => store.reopen(),
        },
        source,
      );
      store.orm.delete(sessions).run();
      return result;
    });
  }

  /** Runs the daily backup when it is due: after the set time, once per school day. */
  async tick(now: Date = new Date()): Promise<BackupFile | null> {
    const s = this.settings();
    if (!s.dailyEnabled || this.#busy) return null;
    const localTime = dayjs(now).tz(SCHOOL_TIME_ZONE).format('HH:mm');
    const today = todayIso(now);
    const last = this.lastDaily();
    if (localTime < s.dailyTime || (last !== null && todayIso(new Date(last)) === today)) return null;
    const store = this.getStore();
    try {
      const file = await this.backup('daily');
      writeSetting(store, LAST_DAILY_KEY, now.toISOString());
      appendAudit(store, {
        userId: null,
        username: 'system',
        role: null,
        action: 'backup.daily',
        target: path.basename(file.file),
        outcome: 'ok',
      });
      return file;
    } catch (e) {
      this.log.error('daily backup failed', { error: String(e) });
      appendAudit(store, {
        userId: null,
        username: 'system',
        role: null,
        action: 'backup.daily',
        outcome: e instanceof AppError ? e.code : 'internal',
        details: { error: String(e) },
      });
      return null;
    }
  }

  startSchedule(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.tick(), TICK_MS);
    this.#timer.unref();
    void this.tick();
  }

  stopSchedule(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
