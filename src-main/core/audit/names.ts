/**
 * The names behind an audit page's ids: 'pupil:15' → the pupil's name and the class they were in that
 * day, 'class:3' → '1A', 'user:4' → the full name, 'document:7' → its title. One query per kind of
 * record for the whole page, never one per row. A record removed since keeps no name: the viewer shows
 * its id.
 */
import type { Store } from '../../store/open';
import type { AuditRow } from '../../../src-shared/api/audit';
import { AUDIT_REF_KEYS, type RefKind } from '../../../src-shared/domain/auditSentences';
import { todayIso } from '../../../src-shared/domain/dates';

export type RawAuditRow = Omit<AuditRow, 'actorName' | 'names' | 'targetClass'>;

type NameKind = RefKind | 'equipment' | 'computer' | 'file';

/** SELECT id, name for each kind; the ids are bound as one JSON array. */
const NAME_QUERIES: Record<NameKind, string> = {
  pupil: 'SELECT id, full_name AS name FROM pupils',
  class: 'SELECT id, name FROM classes',
  staff: 'SELECT id, full_name AS name FROM staff',
  room: "SELECT id, name || ' (' || code || ')' AS name FROM rooms",
  year: 'SELECT id, name FROM school_years',
  user: "SELECT id, full_name || ' (' || username || ')' AS name FROM users",
  document: 'SELECT id, title AS name FROM documents',
  equipment: 'SELECT id, name FROM equipment',
  computer: 'SELECT id, code AS name FROM computers',
  file: 'SELECT id, name FROM files',
};

/** Target prefixes written by handlers that differ from the kind's name. */
const TARGET_KINDS: Record<string, NameKind> = { school_year: 'year' };

function nameKind(prefix: string): NameKind | null {
  const kind = TARGET_KINDS[prefix] ?? prefix;
  return Object.prototype.hasOwnProperty.call(NAME_QUERIES, kind) ? (kind as NameKind) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The ids a row's details point at, by kind: top-level notes and the logged input alike. */
function detailRefs(details: Record<string, unknown> | null, add: (kind: NameKind, id: unknown) => void): void {
  if (!details) return;
  const scan = (obj: Record<string, unknown>) => {
    for (const [key, kind] of Object.entries(AUDIT_REF_KEYS)) if (key in obj) add(kind, obj[key]);
    // moveClass names its one pupil; a larger move says how many.
    if (Array.isArray(obj.pupilIds) && obj.pupilIds.length === 1) add('pupil', obj.pupilIds[0]);
  };
  scan(details);
  if (isRecord(details.input)) scan(details.input);
}

export function withNames(store: Store, rows: RawAuditRow[]): AuditRow[] {
  const wanted = new Map<NameKind, Set<number>>();
  const add = (kind: NameKind, id: unknown) => {
    const n = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) return;
    let ids = wanted.get(kind);
    if (!ids) wanted.set(kind, (ids = new Set()));
    ids.add(n);
  };
  for (const row of rows) {
    if (row.userId !== null) add('user', row.userId);
    const [prefix, id] = row.target?.split(':', 2) ?? [];
    const kind = prefix && id !== undefined ? nameKind(prefix) : null;
    if (kind) add(kind, id);
    detailRefs(row.details, add);
  }

  const names = new Map<string, string>();
  const fullNames = new Map<number, string>();
  for (const [kind, ids] of wanted) {
    const found = store.db
      .prepare(`${NAME_QUERIES[kind]} WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify([...ids])) as { id: number; name: string | null }[];
    for (const r of found) if (r.name !== null) names.set(`${kind}:${r.id}`, r.name);
  }
  const users = wanted.get('user');
  if (users) {
    const found = store.db
      .prepare('SELECT id, full_name AS name FROM users WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...users])) as { id: number; name: string }[];
    for (const r of found) fullNames.set(r.id, r.name);
  }
  const classes = pupilClasses(store, rows);

  return rows.map((row) => {
    const own: Record<string, string> = {};
    const keep = (kind: NameKind, id: unknown) => {
      const name = names.get(`${kind}:${String(id)}`);
      if (name !== undefined) own[`${kind}:${String(id)}`] = name;
    };
    const [prefix, id] = row.target?.split(':', 2) ?? [];
    const kind = prefix && id !== undefined ? nameKind(prefix) : null;
    // The row's own target string is the key the viewer looks up ('school_year:2' as written).
    if (kind && row.target) {
      const name = names.get(`${kind}:${id}`);
      if (name !== undefined) own[row.target] = name;
    }
    detailRefs(row.details, keep);
    return {
      ...row,
      actorName: row.userId === null ? null : (fullNames.get(row.userId) ?? null),
      names: own,
      targetClass: row.target?.startsWith('pupil:') ? (classes.get(row.id) ?? null) : null,
    };
  });
}

/** For each row aimed at a pupil: the class of the pupil's latest enrolment begun by the row's day. */
function pupilClasses(store: Store, rows: RawAuditRow[]): Map<number, string> {
  const aimed = rows.flatMap((r) => {
    const m = /^pupil:(\d+)$/.exec(r.target ?? '');
    return m ? [{ rowId: r.id, pupilId: Number(m[1]), day: todayIso(new Date(r.at)) }] : [];
  });
  const out = new Map<number, string>();
  if (aimed.length === 0) return out;
  const enrolments = store.db
    .prepare(
      `SELECT e.pupil_id AS pupilId, e.start_date AS startDate, c.name AS className
         FROM enrolments e JOIN classes c ON c.id = e.class_id
        WHERE e.pupil_id IN (SELECT value FROM json_each(?))
        ORDER BY e.start_date DESC, e.id DESC`,
    )
    .all(JSON.stringify([...new Set(aimed.map((a) => a.pupilId))])) as {
    pupilId: number;
    startDate: string;
    className: string;
  }[];
  for (const a of aimed) {
    const mine = enrolments.filter((e) => e.pupilId === a.pupilId);
    // A class begun later than the row (a readmission, next year's class) was not the pupil's then.
    const then = mine.find((e) => e.startDate <= a.day) ?? mine[mine.length - 1];
    if (then) out.set(a.rowId, then.className);
  }
  return out;
}
