/** Opening the database: marker, pragmas, migrations with a backup first, refusal of foreign or newer files. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  APPLICATION_ID,
  BUSY_TIMEOUT_MS,
  DB_FILE_NAME,
  Store,
  isTruongSoDatabase,
  readJournal,
} from '../../src-main/store/open';
import { listBackups } from '../../src-main/store/backup';
import { migrationsDir } from '../../src-main/paths';
import { appendAudit } from '../../src-main/core/audit/log';
import { tempDir } from './support/server';

const opened: Store[] = [];
async function open(dataDir: string, migrationsFolder?: string) {
  const store = await Store.open({ dataDir, migrationsFolder });
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** A copy of the migrations folder holding only the first `n` migrations, as an older build had. */
function olderMigrations(n: number): string {
  const dir = tempDir('truongso-mig-');
  const source = migrationsDir();
  const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const kept = journal.entries.slice(0, n);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  for (const e of kept) fs.copyFileSync(path.join(source, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

describe('Store.open', () => {
  it('creates a marked database with the durability pragmas', async () => {
    const store = await open(tempDir());
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(isTruongSoDatabase(store.db)).toBe(true);
    const applied = store.db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
    expect(applied).toBe(readJournal(migrationsDir()).length);
  });

  it('backs up before applying pending migrations, and only then', async () => {
    const dataDir = tempDir();
    const older = await Store.open({ dataDir, migrationsFolder: olderMigrations(1) });
    older.close();
    expect(listBackups(path.join(dataDir, 'backups'))).toHaveLength(0);
    const store = await open(dataDir);
    const backups = listBackups(path.join(dataDir, 'backups'));
    expect(backups.map((b) => b.kind)).toEqual(['pre-migrate']);
    // The pre-migration copy is the old schema: it lacks what the newer migrations add (the audit triggers).
    const copy = new Database(backups[0]!.file, { readonly: true });
    expect(copy.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get()).toBe(0);
    copy.close();
    expect(store.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get()).toBeGreaterThan(
      0,
    );
    store.close();
    await open(dataDir);
    expect(listBackups(path.join(dataDir, 'backups'))).toHaveLength(1);
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const dataDir = tempDir();
    const store = await Store.open({ dataDir });
    store.db
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('future', Date.now() + 10 ** 12);
    store.close();
    const file = path.join(dataDir, DB_FILE_NAME);
    const before = fs.readFileSync(file);
    await expect(Store.open({ dataDir })).rejects.toMatchObject({ code: 'internal', key: 'store.newer_version' });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database that is not ours', async () => {
    const dataDir = tempDir();
    const other = new Database(path.join(dataDir, DB_FILE_NAME));
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 9.5);');
    other.close();
    await expect(Store.open({ dataDir })).rejects.toMatchObject({ key: 'store.not_truongso' });
    const still = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
    expect(still.prepare('SELECT amount FROM invoices').pluck().get()).toBe(9.5);
    still.close();
  });

  it('keeps the audit log append-only', async () => {
    const store = await open(tempDir());
    appendAudit(store, { userId: null, username: 'system', role: null, action: 'test.write', outcome: 'ok' });
    expect(() => store.db.prepare("UPDATE audit_log SET outcome = 'changed'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(store.db.prepare('SELECT outcome FROM audit_log').pluck().all()).toEqual(['ok']);
  });
});
