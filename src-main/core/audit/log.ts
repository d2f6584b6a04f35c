/** Appending to the audit log and querying it. */
import { and, count, desc, eq, gte, inArray, lt, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { auditLog } from './schema';
import type { Store } from '../../store/open';
import { escapeLike, likePattern } from '../../store/like';
import type { RawAuditRow } from './names';
import { nonChangeActions } from './changes';
import { startOfSchoolDay } from '../../../src-shared/domain/dates';
import { foldForSearch } from '../../../src-shared/domain/vnName';
import dayjs from 'dayjs';

export interface AuditEntry {
  userId: number | null;
  username: string | null;
  role: string | null;
  action: string;
  target?: string | null;
  outcome: string;
  ip?: string | null;
  details?: Record<string, unknown> | null;
  at?: number;
}

const MAX_DETAILS_CHARS = 4000;

function detailsText(details: Record<string, unknown> | null | undefined): string | null {
  const text = details ? JSON.stringify(details) : null;
  return text && text.length > MAX_DETAILS_CHARS
    ? JSON.stringify({ truncated: text.slice(0, MAX_DETAILS_CHARS) })
    : text;
}

/** Appends a row and answers its id. Rows are never changed or removed (migration 0001's triggers). */
export function appendAudit(store: Store, entry: AuditEntry): number {
  const details = detailsText(entry.details);
  return store.orm
    .insert(auditLog)
    .values({
      at: entry.at ?? Date.now(),
      userId: entry.userId,
      username: entry.username,
      role: entry.role,
      action: entry.action,
      target: entry.target ?? null,
      outcome: entry.outcome,
      ip: entry.ip ?? null,
      details,
    })
    .returning({ id: auditLog.id })
    .get()!.id;
}

export interface AuditQuery {
  from?: string;
  to?: string;
  userId?: number;
  action?: string;
  outcome: 'all' | 'ok' | 'failed';
  view?: 'all' | 'changes';
  search?: string;
  limit: number;
  before?: number;
}

export function queryAudit(
  store: Store,
  q: AuditQuery,
): { rows: RawAuditRow[]; total: number; nextBefore: number | null } {
  const filters: SQL[] = [];
  if (q.from) filters.push(gte(auditLog.at, startOfSchoolDay(q.from)));
  if (q.to) filters.push(lt(auditLog.at, startOfSchoolDay(dayjs(q.to).add(1, 'day').format('YYYY-MM-DD'))));
  if (q.userId !== undefined) filters.push(eq(auditLog.userId, q.userId));
  if (q.action) {
    filters.push(
      q.action.endsWith('.')
        ? sql`${auditLog.action} LIKE ${escapeLike(q.action) + '%'} ESCAPE '\\'`
        : eq(auditLog.action, q.action),
    );
  }
  if (q.outcome === 'ok') filters.push(eq(auditLog.outcome, 'ok'));
  if (q.outcome === 'failed') filters.push(ne(auditLog.outcome, 'ok'));
  if (q.view === 'changes') {
    filters.push(eq(auditLog.outcome, 'ok'), notInArray(auditLog.action, nonChangeActions()));
  }
  if (q.search) {
    const pattern = `%${escapeLike(q.search)}%`;
    filters.push(
      or(
        sql`${auditLog.username} LIKE ${pattern} ESCAPE '\\'`,
        sql`${auditLog.target} LIKE ${pattern} ESCAPE '\\'`,
        sql`${auditLog.details} LIKE ${pattern} ESCAPE '\\'`,
        likePattern(auditLog.action, pattern),
        ...namedLike(store, q.search),
      )!,
    );
  }
  const where = filters.length ? and(...filters) : undefined;
  const pageWhere = q.before !== undefined ? and(where, lt(auditLog.id, q.before)) : where;
  const rows = store.orm
    .select()
    .from(auditLog)
    .where(pageWhere)
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1)
    .all();
  const total = store.orm.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const page = rows.slice(0, q.limit);
  return {
    rows: page.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      userId: r.userId,
      username: r.username,
      role: r.role,
      action: r.action,
      target: r.target,
      outcome: r.outcome,
      ip: r.ip,
      details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    })),
    total,
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}

/**
 * Rows about the people the text names, as the viewer shows them: a pupil, a staff member or a user by
 * name (without diacritics or case), and what a user did. At most a few hundred of each, by id.
 */
function namedLike(store: Store, text: string): SQL[] {
  const folded = `%${escapeLike(foldForSearch(text))}%`;
  const ids = (query: string) =>
    (store.db.prepare(`${query} ESCAPE '\\' ORDER BY id DESC LIMIT 300`).all(folded) as { id: number }[]).map(
      (r) => r.id,
    );
  const targets = [
    ...ids('SELECT id FROM pupils WHERE search_name LIKE ?').map((id) => `pupil:${id}`),
    ...ids('SELECT id FROM staff WHERE search_name LIKE ?').map((id) => `staff:${id}`),
  ];
  // A school has tens of accounts, and no folded name column for them.
  const wanted = foldForSearch(text);
  const users = (store.db.prepare('SELECT id, full_name AS name FROM users').all() as { id: number; name: string }[])
    .filter((u) => foldForSearch(u.name).includes(wanted))
    .map((u) => u.id);
  const out: SQL[] = [];
  if (targets.length) out.push(inArray(auditLog.target, targets));
  if (users.length)
    out.push(
      inArray(auditLog.userId, users),
      inArray(
        auditLog.target,
        users.map((id) => `user:${id}`),
      ),
    );
  return out;
}

/** The distinct users of the log (with their current name where the account still exists). */
export function auditActors(store: Store): { userId: number; username: string; fullName: string | null }[] {
  return store.db
    .prepare(
      `SELECT a.user_id AS userId, a.username AS username, u.full_name AS fullName
         FROM (SELECT user_id, max(username) AS username FROM audit_log WHERE user_id IS NOT NULL GROUP BY user_id) a
         LEFT JOIN users u ON u.id = a.user_id
        ORDER BY a.username`,
    )
    .all() as { userId: number; username: string; fullName: string | null }[];
}
