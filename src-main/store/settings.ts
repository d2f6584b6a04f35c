/** Reading and writing the small JSON settings table, each key validated by its zod schema. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { settings } from './schema';
import type { Store } from './open';

export function readSetting<S extends z.ZodType>(
  store: Store,
  key: string,
  schema: S,
  fallback: z.output<S>,
): z.output<S> {
  const row = store.orm.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return fallback;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : fallback;
}

export function writeSetting(store: Store, key: string, value: unknown): void {
  store.transaction(() =>
    store.orm
      .insert(settings)
      .values({ key, value, updatedAt: Date.now() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: Date.now() } })
      .run(),
  );
}
