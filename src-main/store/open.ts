/**
 * Opening the database: the one place that sets the pragmas, checks the file belongs to us and to a
 * version we can read, backs it up before migrating and applies the committed migrations.
 *
 * Transactions and locks — the rules every capability follows (the lab's answer saves above all):
 * - One writer at a time, across processes: the school server and a CLI command (backup, import,
 *   users) may open the same file. SQLite's WAL lets readers go on beside the writer, and a writer
 *   waits for another writer up to BUSY_TIMEOUT_MS; a write must never fail because of another process.
 * - Every write goes through `store.transaction(fn)`, which takes the write lock up front
 *   (`BEGIN IMMEDIATE`). A deferred `BEGIN` reads first and asks for the lock later; if another process
 *   committed in between, SQLite answers SQLITE_BUSY at once and no waiting helps.
 * - `fn` is synchronous: no await inside, so the lock is held for the work itself and nothing else.
 *   Long work (a 10,000-row import) prepares outside and writes in one short transaction.
 * - The audit row of the procedure call commits in the same transaction (writeScope.ts): after a crash,
 *   a change without its audit row, or an audit row of a change that was rolled back, cannot exist.
 * - Nested `store.transaction` calls become savepoints of the outer one; only the outermost commits.
 * - A read-only command opens the file as a 'tool': it writes nothing on open and does not checkpoint on
 *   close (a TRUNCATE checkpoint waits for, and then blocks, the server's writers).
 * - `answered` means committed durably: `synchronous = FULL`, so an acknowledged write survives a power cut.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as tables from './tables';
import { AppError } from '../errors';
import { APP_VERSION } from '../appInfo';
import { migrationsDir as defaultMigrationsDir } from '../paths';
import { currentWriteScope } from './writeScope';

export type Orm = BetterSQLite3Database<typeof tables>;

export const DB_FILE_NAME = 'truongso.db';
/** PRAGMA application_id: 'TSS1'. Lets us recognise our files from the header alone. */
export const APPLICATION_ID = 0x54535331;
const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/**
 * How long a writer waits for another one. It covers the longest write transaction another process
 * makes (a whole-school import commits in about a second; a backup holds no write lock at all) with
 * room to spare on an old PC's disk.
 */
export const BUSY_TIMEOUT_MS = 20_000;

export function applyPragmas(db: Database.Database): void {
  // Already WAL for every file but a new one: asking again needs no lock.
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
  // Answers, signatures and the audit trail must survive a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // 32 MB of page cache instead of SQLite's 2 MB: a whole-school import or report touches more pages
  // than that, and a cache that spills writes pages twice.
  db.pragma('cache_size = -32000');
}

export interface SchemaState {
  /** Migrations recorded in the file (created_at values). */
  applied: number[];
  /** The newest migration this build knows. */
  latestKnown: number;
  pending: number;
  /** The file was migrated by a newer build than this one. */
  newer: boolean;
}

export function schemaState(db: Database.Database, migrationsFolder: string): SchemaState {
  const journal = readJournal(migrationsFolder);
  const latestKnown = journal.length ? journal[journal.length - 1]!.when : 0;
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(MIGRATIONS_TABLE);
  const applied = hasTable
    ? (db.prepare(`SELECT created_at FROM ${MIGRATIONS_TABLE} ORDER BY created_at`).pluck().all() as number[]).map(
        Number,
      )
    : [];
  const last = applied.length ? applied[applied.length - 1]! : 0;
  const knownWhens = new Set(journal.map((e) => e.when));
  return {
    applied,
    latestKnown,
    pending: journal.filter((e) => e.when > last).length,
    newer: last > latestKnown || applied.some((w) => !knownWhens.has(w)),
  };
}

/** True when the file has no tables at all (a fresh database). */
function isEmptyDatabase(db: Database.Database): boolean {
  return db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table'`).pluck().get() === 0;
}

export function isTruongSoDatabase(db: Database.Database): boolean {
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return false;
  const hasMeta = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'app_meta'`).get();
  if (!hasMeta) return false;
  return db.prepare(`SELECT value FROM app_meta WHERE key = 'app'`).pluck().get() === 'truongso';
}

export interface OpenOptions {
  dataDir: string;
  migrationsFolder?: string;
  /** Where the pre-migration backup goes; defaults to <dataDir>/backups. */
  backupDir?: string;
  /**
   * Data upgrades that SQL migrations cannot express (values computed in TypeScript, like sort keys),
   * run after every open, including the reopen after a restore of an older backup. Must be idempotent.
   */
  onOpen?: (store: Store) => void;
  /**
   * 'server' (the default) owns the file: it checkpoints the log on close. A 'tool' (a CLI command
   * beside a running server) leaves the log to the server: see the rules at the top of this file.
   */
  use?: 'server' | 'tool';
}

/**
 * The open database of one data folder. `reopen()` swaps the connection after a restore; callers
 * reach the database through `store.db` / `store.orm` at call time, never keeping their own handle.
 */
export class Store {
  #db: Database.Database;
  #orm: Orm;
  #statements = new Map<string, Database.Statement>();

  private constructor(
    readonly dataDir: string,
    readonly file: string,
    readonly migrationsFolder: string,
    db: Database.Database,
    private readonly use: 'server' | 'tool',
    private readonly onOpen?: (store: Store) => void,
  ) {
    this.#db = db;
    this.#orm = drizzle(db, { schema: tables });
  }

  get db(): Database.Database {
    return this.#db;
  }

  get orm(): Orm {
    return this.#orm;
  }

  static async open(options: OpenOptions): Promise<Store> {
    const migrationsFolder = options.migrationsFolder ?? defaultMigrationsDir();
    fs.mkdirSync(options.dataDir, { recursive: true });
    const file = path.join(options.dataDir, DB_FILE_NAME);
    const db = await openAndMigrate(file, migrationsFolder, options.backupDir ?? path.join(options.dataDir, 'backups'));
    const store = new Store(options.dataDir, file, migrationsFolder, db, options.use ?? 'server', options.onOpen);
    try {
      options.onOpen?.(store);
    } catch (e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** Closes the current connection and opens the file again (after it was replaced on disk). */
  async reopen(): Promise<void> {
    this.close();
    this.#db = await openAndMigrate(this.file, this.migrationsFolder, path.join(this.dataDir, 'backups'));
    this.#orm = drizzle(this.#db, { schema: tables });
    this.onOpen?.(this);
  }

  /**
   * A prepared statement, compiled once per connection: hot paths (search, bulk import) call the same
   * SQL thousands of times, and preparing it each time costs more than running it.
   */
  statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Runs fn in one synchronous write transaction (no await inside, all or nothing) that holds the write
   * lock from its first statement, and commits the audit row of the call under way with it.
   */
  transaction<T>(fn: () => T): T {
    // Inside another transaction: a savepoint of it, committed (and audited) by the outermost one.
    if (this.#db.inTransaction) return this.#db.transaction(fn)();
    const scope = currentWriteScope();
    if (!scope) return this.#db.transaction(fn).immediate();
    const changes = this.statement('SELECT total_changes()').pluck();
    return this.#db
      .transaction(() => {
        const before = changes.get() as number;
        const result = fn();
        // A transaction that only read (a dry run, a check that found nothing to do) records nothing.
        if ((changes.get() as number) !== before) scope.beforeCommit();
        return result;
      })
      .immediate();
  }

  close(): void {
    this.#statements.clear();
    if (!this.#db.open) return;
    if (this.use === 'server') {
      try {
        this.#db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // A damaged file cannot be checkpointed; closing is still right.
      }
    }
    this.#db.close();
  }
}

async function openAndMigrate(file: string, migrationsFolder: string, backupDir: string): Promise<Database.Database> {
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  const db = new Database(file);
  try {
    applyPragmas(db);
    const fresh = isEmptyDatabase(db);
    if (!fresh && !isTruongSoDatabase(db)) {
      throw new AppError('internal', 'store.not_truongso', { file });
    }
    const state = schemaState(db, migrationsFolder);
    if (state.newer) {
      throw new AppError('internal', 'store.newer_version', {
        dbVersion: String(state.applied[state.applied.length - 1]),
        appVersion: String(state.latestKnown),
      });
    }
    if (state.pending > 0) {
      if (existed && !fresh) {
        const { backupDatabase } = await import('./backup');
        await backupDatabase(db, backupDir, 'pre-migrate');
      }
      runMigrations(db, migrationsFolder);
    }
    markAsOurs(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Foreign keys are off while migrating: drizzle-kit rebuilds a table by copying and dropping it, and
 * with foreign keys on, the DROP would cascade into the child tables.
 */
function runMigrations(db: Database.Database, migrationsFolder: string): void {
  db.pragma('foreign_keys = OFF');
  try {
    migrate(drizzle(db), { migrationsFolder, migrationsTable: MIGRATIONS_TABLE });
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`Migration left ${violations.length} foreign key violations`);
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** Writes only what is missing or out of date: opening a file we already marked writes nothing. */
function markAsOurs(db: Database.Database): void {
  const lastOpenedBy = () =>
    db.prepare(`SELECT value FROM app_meta WHERE key = 'last_opened_by_version'`).pluck().get() as string | undefined;
  if (db.pragma('application_id', { simple: true }) === APPLICATION_ID && lastOpenedBy() === APP_VERSION) return;
  const insert = db.prepare(`INSERT OR IGNORE INTO app_meta (key, value) VALUES (?, ?)`);
  db.transaction(() => {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    insert.run('app', 'truongso');
    insert.run('created_at', new Date().toISOString());
    insert.run('created_by_version', APP_VERSION);
    db.prepare(`INSERT OR REPLACE INTO app_meta (key, value) VALUES ('last_opened_by_version', ?)`).run(APP_VERSION);
  }).immediate();
}

/** Opens any SQLite file read-only without touching it, for checks. */
export function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}
