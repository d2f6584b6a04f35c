/**
 * What a write transaction must also commit, known to the code that started the work rather than to the
 * code that writes: the audit row of the procedure call under way (DESIGN §4: the audit row commits with
 * the change it records, or neither does).
 *
 * dispatch opens a scope around each call; `Store.transaction` runs the scope's `beforeCommit` inside
 * every outermost transaction, after the work and before COMMIT. The scope follows the call through its
 * awaits (AsyncLocalStorage), so a handler never passes it along by hand.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface WriteScope {
  /**
   * Runs inside a transaction that changed something, just before it commits; a throw rolls the whole
   * transaction back.
   */
  beforeCommit(): void;
}

const scopes = new AsyncLocalStorage<WriteScope>();

export function runInWriteScope<T>(scope: WriteScope, work: () => T): T {
  return scopes.run(scope, work);
}

export function currentWriteScope(): WriteScope | undefined {
  return scopes.getStore();
}

/**
 * Work that outlives the call that started it (a job) must not commit that call's scope: it gets none,
 * and whatever it writes is recorded by its own means.
 */
export function outsideWriteScope<T>(work: () => T): T {
  return scopes.exit(work);
}
