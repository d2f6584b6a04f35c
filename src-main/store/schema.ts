/** Tables that belong to the store itself rather than to a capability. */
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** Marks the file as a Trường Số database and records who created it. */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Small JSON settings (backup schedule, LAN access), one row per key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
});
