/** Values computed in TypeScript are filled in on open, also after restoring an older backup. */
import { describe, expect, it } from 'vitest';
import { createApp, silentLogger } from '../../src-main/core/app';
import { seedDemoSchool } from '../../src-main/core/demo/seed';
import { nameSortKey } from '../../src-shared/domain/vnName';
import { tempDir } from './support/server';

describe('data upgrades', () => {
  it('fills missing sort keys when the database opens and after a restore', async () => {
    const dataDir = tempDir();
    const app = await createApp({ dataDir, log: silentLogger });
    await seedDemoSchool(app.store);
    app.store.db.prepare(`UPDATE pupils SET sort_key = ''`).run();
    app.store.db.prepare(`UPDATE staff SET sort_key = ''`).run();
    const stale = await app.backups.backup('manual');
    app.close();

    const reopened = await createApp({ dataDir, log: silentLogger });
    const check = () => {
      const rows = reopened.store.db
        .prepare('SELECT full_name, sort_key FROM pupils UNION ALL SELECT full_name, sort_key FROM staff')
        .all() as {
        full_name: string;
        sort_key: string;
      }[];
      expect(rows.length).toBeGreaterThan(400);
      for (const r of rows) expect(r.sort_key).toBe(nameSortKey(r.full_name));
    };
    check();
    await reopened.backups.restore(stale.file);
    check();
    reopened.close();
  });
});
