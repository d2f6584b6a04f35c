/**
 * What a handler can reach: the long-lived services of the running app, and the caller of this one call.
 */
import type { Store } from '../store/open';
import type { Locale } from '../../src-shared/i18n';
import type { Role } from '../../src-shared/domain/roles';
import type { EventBus } from './events';
import type { JobRunner } from './jobs/runner';
import type { LoginThrottle } from './auth/loginThrottle';
import type { FileStore } from './files/fileStore';
import type { BackupService } from './backup/service';
import type { WorkerPool } from '../workers/pool';

export interface Logger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export interface AppConfig {
  dataDir: string;
  /** Sessions end after this long without use. */
  sessionIdleMs: number;
  /** ...and after this long in any case. */
  sessionMaxMs: number;
}

export interface AppContext {
  store: Store;
  config: AppConfig;
  events: EventBus;
  jobs: JobRunner;
  throttle: LoginThrottle;
  files: FileStore;
  backups: BackupService;
  /** Worker threads for CPU-heavy work (xlsx, PDF). */
  workers: WorkerPool;
  log: Logger;
}

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
}

/** What the audit row of this call will say beyond the defaults; handlers fill it in. */
export interface AuditNote {
  target?: string;
  details?: Record<string, unknown>;
  /** The user the call acted as, when the caller was anonymous (a successful login). */
  actor?: SessionUser;
}

export interface CallContext {
  app: AppContext;
  user: SessionUser | null;
  /** Hash of the bearer token of this call's session. */
  sessionTokenHash: string | null;
  ip: string | null;
  locale: Locale;
  audit: AuditNote;
}

/** The signed-in user; dispatch guarantees it for every permission other than 'public'. */
export function currentUser(ctx: CallContext): SessionUser {
  if (!ctx.user) throw new Error('currentUser() called in a public procedure');
  return ctx.user;
}

/**
 * A write whose audit target is known only once it is made (a new row's id). The target is named inside
 * the transaction, so the call's audit row, which commits with the change (store/writeScope.ts), has it.
 */
export function writeNamingTarget<T>(ctx: CallContext, write: () => T, target: (made: T) => string): T {
  return ctx.app.store.transaction(() => {
    const made = write();
    ctx.audit.target = target(made);
    return made;
  });
}
