import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * The content-addressed file store: bytes live once in files/<sha256> under the data folder; each row
 * here is one upload or generated file pointing at them, with who made it and under which name.
 */
export const files = sqliteTable(
  'files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    createdBy: integer('created_by'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('files_sha256_idx').on(t.sha256)],
);
