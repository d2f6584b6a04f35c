/**
 * Data upgrades run each time the database opens (after the SQL migrations): values that only
 * TypeScript can compute. Each step is idempotent and cheap when there is nothing to do.
 */
import type { Store } from '../store/open';
import { nameSortKey } from '../../src-shared/domain/vnName';

/** Sort keys of people added before the column existed (or by a restore of an older backup). */
function fillSortKeys(store: Store): void {
  for (const table of ['pupils', 'staff'] as const) {
    const missing = store.db.prepare(`SELECT id, full_name FROM ${table} WHERE sort_key = ''`).all() as {
      id: number;
      full_name: string;
    }[];
    if (missing.length === 0) continue;
    const update = store.db.prepare(`UPDATE ${table} SET sort_key = ? WHERE id = ?`);
    store.transaction(() => {
      for (const row of missing) update.run(nameSortKey(row.full_name), row.id);
    });
  }
}

export function runDataUpgrades(store: Store): void {
  fillSortKeys(store);
}
