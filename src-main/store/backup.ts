/**
 * Backups with SQLite's online backup API, each verified with PRAGMA integrity_check before it counts,
 * rotated per kind; and restore, which never leaves a half-replaced database behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type Database from 'better-sqlite3';
import dayjs from 'dayjs';
import { SCHOOL_TIME_ZONE } from '../../src-shared/domain/dates';
import { BACKUP_KINDS } from '../../src-shared/api/backup';
import { AppError } from '../errors';
import { isTruongSoDatabase, openReadOnly, schemaState } from './open';

export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupFile {
  name: string;
  file: string;
  kind: BackupKind;
  size: number;
  createdAt: Date;
}

const NAME_PATTERN = /^truongso-(\d{8}-\d{6}-\d{3})-([a-z-]+)\.db$/;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function backupName(kind: BackupKind, at: Date): string {
  return `truongso-${dayjs(at).tz(SCHOOL_TIME_ZONE).format('YYYYMMDD-HHmmss-SSS')}-${kind}.db`;
}

export function integrityProblem(db: Database.Database): string | null {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === 'ok' ? null : messages.slice(0, 5).join('; ');
}

export interface CopyOptions {
  onProgress?: (done: number, total: number) => void;
  /**
   * The copy is made beside a server that writes through its own connection (a CLI backup). SQLite
   * restarts an online backup whenever another connection writes between two steps, so under steady
   * writes a stepwise copy might never end: copy every page in one step instead. The step holds only a
   * read snapshot, which in WAL mode never holds up the server's writers.
   */
  fromAnotherProcess?: boolean;
}

/** Pages per step when the writes come through the copying connection itself: progress stays lively. */
const PAGES_PER_STEP = 256;
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the live database to `file` with the online backup API and checks the copy; only a copy that
 * passes integrity_check gets the final name, so a crash never leaves a file that looks like a good backup.
 */
export async function writeVerifiedCopy(db: Database.Database, file: string, options: CopyOptions = {}): Promise<void> {
  const partial = `${file}.partial`;
  const pagesPerStep = options.fromAnotherProcess ? ALL_PAGES : PAGES_PER_STEP;
  try {
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages - remainingPages, totalPages);
        return pagesPerStep;
      },
    });
    const copy = openReadOnly(partial);
    try {
      const problem = integrityProblem(copy);
      if (problem) throw new AppError('internal', 'backup.integrity_failed', { detail: problem });
      // A self-contained file: no -wal needed beside it when it is copied to a USB stick.
      copy.close();
      const rw = new BetterSqlite3(partial);
      rw.pragma('journal_mode = DELETE');
      rw.close();
    } finally {
      if (copy.open) copy.close();
    }
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** A verified backup in `dir`, named by kind and time, with older ones of the kind rotated out. */
export async function backupDatabase(
  db: Database.Database,
  dir: string,
  kind: BackupKind,
  options: { keep?: number; onProgress?: (done: number, total: number) => void; now?: Date } = {},
): Promise<BackupFile> {
  fs.mkdirSync(dir, { recursive: true });
  const at = options.now ?? new Date();
  let name = backupName(kind, at);
  for (let n = 1; fs.existsSync(path.join(dir, name)); n++) name = backupName(kind, new Date(at.getTime() + n));
  const file = path.join(dir, name);
  await writeVerifiedCopy(db, file, { onProgress: options.onProgress });
  if (options.keep !== undefined) rotateBackups(dir, kind, options.keep);
  return { name, file, kind, size: fs.statSync(file).size, createdAt: at };
}

export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  const found: BackupFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = NAME_PATTERN.exec(name);
    if (!m || !(BACKUP_KINDS as readonly string[]).includes(m[2]!)) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file);
    const createdAt = dayjs.tz(m[1]!, 'YYYYMMDD-HHmmss-SSS', SCHOOL_TIME_ZONE).toDate();
    found.push({ name, file, kind: m[2] as BackupKind, size: stat.size, createdAt });
  }
  return found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
}

export function rotateBackups(dir: string, kind: BackupKind, keep: number): void {
  for (const old of listBackups(dir)
    .filter((b) => b.kind === kind)
    .slice(keep)) {
    fs.rmSync(old.file, { force: true });
  }
}

/** Resolves a backup's name to its file, refusing anything that is not a plain name in the folder. */
export function backupPath(dir: string, name: string): string {
  if (!NAME_PATTERN.test(name) || path.basename(name) !== name) {
    throw new AppError('not_found', 'backup.not_found', { name });
  }
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) throw new AppError('not_found', 'backup.not_found', { name });
  return file;
}

/** Refuses a file that is not a sound Trường Số database this version can read. */
export function checkRestoreCandidate(file: string, migrationsFolder: string): void {
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(SQLITE_HEADER.length);
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) throw new AppError('rule_violation', 'backup.not_sqlite');
  let db: Database.Database;
  try {
    db = openReadOnly(file);
  } catch {
    throw new AppError('rule_violation', 'backup.not_sqlite');
  }
  try {
    let problem: string | null;
    try {
      problem = integrityProblem(db);
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
    if (problem) throw new AppError('rule_violation', 'backup.integrity_failed', { detail: problem });
    if (!isTruongSoDatabase(db)) throw new AppError('rule_violation', 'backup.not_truongso');
    if (schemaState(db, migrationsFolder).newer) throw new AppError('rule_violation', 'backup.newer_version');
  } finally {
    db.close();
  }
}

function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * Keeps the current data before it is replaced: a verified online backup when the database is sound,
 * otherwise (a damaged file is the usual reason to restore) the bytes as they are on disk.
 */
async function safetyCopy(
  file: string,
  liveDb: Database.Database | null,
  backupDir: string,
): Promise<BackupFile | null> {
  if (liveDb?.open) {
    try {
      return await backupDatabase(liveDb, backupDir, 'pre-restore', { keep: 10 });
    } catch {
      // Damaged: fall through to a raw copy.
    }
  }
  if (!fs.existsSync(file)) return null;
  fs.mkdirSync(backupDir, { recursive: true });
  const at = new Date();
  const name = backupName('pre-restore', at);
  const target = path.join(backupDir, name);
  fs.copyFileSync(file, target);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${target}-wal`);
  return { name, file: target, kind: 'pre-restore', size: fs.statSync(target).size, createdAt: at };
}

export interface RestoreTarget {
  /** The live database file. */
  file: string;
  migrationsFolder: string;
  backupDir: string;
  /** The open connection to it, if any (none when it is too damaged to open). */
  liveDb: Database.Database | null;
  closeLive(): void;
  /** Opens the (replaced) file again, migrating it if it is older; throws if it cannot. */
  reopen(): Promise<void>;
}

/**
 * Replaces the live database with `source`. The source is copied and checked first; the current data
 * is kept ('pre-restore'); if the restored file does not open, the previous file is put back.
 */
export async function restoreDatabase(
  target: RestoreTarget,
  source: string,
): Promise<{ safetyBackup: BackupFile | null }> {
  const staging = `${target.file}.restore-${process.pid}-${Date.now()}`;
  const previous = `${target.file}.previous-${process.pid}-${Date.now()}`;
  fs.copyFileSync(source, staging);
  try {
    checkRestoreCandidate(staging, target.migrationsFolder);
    const safetyBackup = await safetyCopy(target.file, target.liveDb, target.backupDir);
    target.closeLive();
    const hadFile = fs.existsSync(target.file);
    if (hadFile) fs.renameSync(target.file, previous);
    removeSidecars(target.file);
    fs.renameSync(staging, target.file);
    try {
      await target.reopen();
    } catch (e) {
      removeSidecars(target.file);
      fs.rmSync(target.file, { force: true });
      if (hadFile) fs.renameSync(previous, target.file);
      await target.reopen().catch(() => undefined);
      throw new AppError('internal', 'backup.restore_failed', { detail: e instanceof Error ? e.message : String(e) });
    }
    return { safetyBackup };
  } finally {
    fs.rmSync(staging, { force: true });
    fs.rmSync(previous, { force: true });
    removeSidecars(staging);
  }
}
