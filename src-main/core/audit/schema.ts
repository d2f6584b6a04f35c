import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Append-only: triggers in the migrations refuse UPDATE and DELETE. The user is copied (id, username,
 * role) rather than referenced so a row keeps its meaning whatever happens to the account later.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    userId: integer('user_id'),
    username: text('username'),
    role: text('role'),
    action: text('action').notNull(),
    target: text('target'),
    outcome: text('outcome').notNull(),
    ip: text('ip'),
    details: text('details'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_user_idx').on(t.userId, t.id),
    index('audit_action_idx').on(t.action, t.id),
  ],
);
