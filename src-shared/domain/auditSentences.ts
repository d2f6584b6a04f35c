/**
 * The audit log read as sentences: "Nguyễn Thị A chuyển học sinh Nguyễn Trung Bảo (1A) đi trường khác".
 *
 * One table, an entry per audited action: the verb phrase (a catalog key, so English follows), whether the
 * action changes the school's data (the viewer shows only changes by default; views of personal data,
 * exports and sign-ins are kept but hidden), and which logged input fields may be shown with their values.
 * Procedures whose audit row keeps only field names (`auditInput: 'keys'`: personal data) never list
 * values: their sentence says which fields were given.
 */
import type { MessageKey } from '../i18n';
import { vi } from '../i18n/vi';
import { isRole } from './roles';
import { formatIsoDateVn } from './dates';
import { subjectName } from './subjects';
import { isPeriodicPoint } from './tt27';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** What the server tells about a row beyond the row itself (audit.list resolves these in batches). */
export interface AuditRowForSentence {
  action: string;
  target: string | null;
  outcome: string;
  username: string | null;
  details: Record<string, unknown> | null;
  /** The actor's full name as the account has it now. */
  actorName: string | null;
  /** Names of the target and of the records the details mention ('class:3' → '1A'); a removed one is absent. */
  names: Record<string, string>;
  /** For a pupil target: the class the pupil was in on the row's day. */
  targetClass: string | null;
}

/** One logged field with the value it was given. */
export interface AuditChange {
  field: string;
  label: string;
  value: string;
}

export interface AuditSentence {
  sentence: string;
  /** Values of the fields that may be shown (administrative data). */
  changes: AuditChange[];
  /** Names of the fields given, for procedures that log only which fields changed (personal data). */
  fields: string[];
}

interface SentenceArgs {
  row: AuditRowForSentence;
  t: Translate;
  /** The logged input, when the row keeps values. */
  input: Record<string, unknown>;
  /** The label of the row's target ('Nguyễn Trung Bảo (1A)', '1A', '#15'). */
  target: string;
  /** The name of a record the details mention, or '#id' when it is gone. */
  name(kind: RefKind, id: unknown): string;
}

interface Entry {
  /** The verb phrase, or a choice of phrases by the details. */
  phrase: MessageKey | ((a: SentenceArgs) => MessageKey);
  params?: (a: SentenceArgs) => Record<string, string | number>;
  /** False for what only reads or leaves (views, exports, sign-ins, uploads): hidden by default. */
  change: boolean;
  /** Logged input fields whose values may be shown. */
  shows?: readonly string[];
  /**
   * Whether the names of the fields the row keeps say what changed (a profile edit); for the other
   * personal-data procedures they are the same every time and say nothing.
   */
  listsFields?: boolean;
}

export type RefKind = 'pupil' | 'class' | 'staff' | 'room' | 'year' | 'user' | 'document';

/** Input keys that point at another record, and the kind of record. */
export const AUDIT_REF_KEYS: Readonly<Record<string, RefKind>> = {
  pupilId: 'pupil',
  classId: 'class',
  staffId: 'staff',
  homeroomStaffId: 'staff',
  roomId: 'room',
  schoolYearId: 'year',
  fromYearId: 'year',
  toYearId: 'year',
};

const point = ({ row, t, input }: SentenceArgs): string => {
  const p = row.details?.point ?? input.point;
  return isPeriodicPoint(p) ? lowerFirst(t(`assessmentUi.point.${p}`)) : '';
};
const subject = ({ row, input }: SentenceArgs): string => {
  const s = row.details?.subject ?? input.subject;
  return typeof s === 'string' ? subjectName(s) : '';
};

const YEAR_FIELDS = ['name', 'startDate', 'term1End', 'term2Start', 'endDate'] as const;
const CLASS_FIELDS = ['name', 'grade', 'homeroomStaffId', 'roomId', 'sessionsPerDay'] as const;
const ROOM_FIELDS = ['code', 'name', 'seats', 'areaM2', 'hasProjector', 'hasInternet', 'notes'] as const;
const EQUIPMENT_FIELDS = ['name', 'quantity', 'roomId', 'yearAcquired', 'notes'] as const;
const COMPUTER_FIELDS = ['code', 'roomId', 'working', 'hasInternet', 'yearAcquired', 'notes'] as const;

/** Every audited action. A test checks that each procedure whose audit kind is 'write' or 'sensitive' is here. */
export const AUDIT_SENTENCES: Readonly<Record<string, Entry>> = {
  'auth.login': { phrase: 'auditSentence.auth.login', change: false },
  'auth.logout': { phrase: 'auditSentence.auth.logout', change: false },
  'auth.password.change': { phrase: 'auditSentence.auth.password.change', change: true },
  'users.create': { phrase: 'auditSentence.users.create', change: true, shows: ['username', 'fullName', 'role'] },
  'users.update': { phrase: 'auditSentence.users.update', change: true, shows: ['fullName', 'role'] },
  'users.password.reset': { phrase: 'auditSentence.users.password.reset', change: true },
  'users.status.set': {
    phrase: ({ input }) =>
      input.disabled ? 'auditSentence.users.status.disable' : 'auditSentence.users.status.enable',
    change: true,
  },
  'school.setup': { phrase: 'auditSentence.school.setup', change: true },
  'school.profile.update': {
    phrase: 'auditSentence.school.profile.update',
    change: true,
    shows: [
      'name',
      'code',
      'educationDepartment',
      'educationOffice',
      'province',
      'ward',
      'address',
      'principalName',
      'phone',
      'email',
    ],
  },
  'school.years.create': { phrase: 'auditSentence.school.years.create', change: true, shows: YEAR_FIELDS },
  'school.years.update': { phrase: 'auditSentence.school.years.update', change: true, shows: YEAR_FIELDS },
  'school.years.setCurrent': { phrase: 'auditSentence.school.years.setCurrent', change: true },
  'school.years.delete': { phrase: 'auditSentence.school.years.delete', change: true },
  'jobs.cancel': { phrase: 'auditSentence.jobs.cancel', change: true },
  'backup.create': { phrase: 'auditSentence.backup.create', change: true },
  'backup.restore': { phrase: 'auditSentence.backup.restore', change: true },
  'backup.settings.update': {
    phrase: 'auditSentence.backup.settings.update',
    change: true,
    shows: ['dailyEnabled', 'dailyTime', 'keep'],
  },
  'backup.daily': { phrase: 'auditSentence.backup.daily', change: false },
  'backup.copy.prepare': { phrase: 'auditSentence.backup.copy.prepare', change: false },
  'backup.copy.record': { phrase: 'auditSentence.backup.copy.record', change: true },
  'backup.download': { phrase: 'auditSentence.backup.download', change: false },
  'files.upload': { phrase: 'auditSentence.files.upload', change: false },
  'records.pupils.get': { phrase: 'auditSentence.records.pupils.get', change: false },
  'records.pupils.create': { phrase: 'auditSentence.records.pupils.create', change: true },
  'records.pupils.update': { phrase: 'auditSentence.records.pupils.update', change: true, listsFields: true },
  'records.pupils.moveClass': {
    phrase: ({ input }) =>
      Array.isArray(input.pupilIds) && input.pupilIds.length === 1
        ? 'auditSentence.records.pupils.moveClass.one'
        : 'auditSentence.records.pupils.moveClass.many',
    params: (a) => ({ pupil: Array.isArray(a.input.pupilIds) ? a.name('pupil', a.input.pupilIds[0]) : '' }),
    change: true,
  },
  'records.pupils.transferOut': { phrase: 'auditSentence.records.pupils.transferOut', change: true },
  'records.pupils.dropOut': { phrase: 'auditSentence.records.pupils.dropOut', change: true },
  'records.pupils.undoLeaving': { phrase: 'auditSentence.records.pupils.undoLeaving', change: true },
  'records.pupils.readmit': { phrase: 'auditSentence.records.pupils.readmit', change: true },
  'records.classes.create': { phrase: 'auditSentence.records.classes.create', change: true, shows: CLASS_FIELDS },
  'records.classes.update': { phrase: 'auditSentence.records.classes.update', change: true, shows: CLASS_FIELDS },
  'records.classes.delete': { phrase: 'auditSentence.records.classes.delete', change: true },
  'records.staff.create': { phrase: 'auditSentence.records.staff.create', change: true },
  'records.staff.update': { phrase: 'auditSentence.records.staff.update', change: true },
  'records.staff.delete': { phrase: 'auditSentence.records.staff.delete', change: true },
  'records.assignments.set': {
    phrase: ({ input }) =>
      input.staffId === null ? 'auditSentence.records.assignments.clear' : 'auditSentence.records.assignments.set',
    params: (a) => ({ subject: subject(a), staff: a.name('staff', a.input.staffId) }),
    change: true,
  },
  'records.rooms.create': { phrase: 'auditSentence.records.rooms.create', change: true, shows: ROOM_FIELDS },
  'records.rooms.update': { phrase: 'auditSentence.records.rooms.update', change: true, shows: ROOM_FIELDS },
  'records.rooms.delete': { phrase: 'auditSentence.records.rooms.delete', change: true },
  'records.import.run': {
    phrase: ({ input }) =>
      input.dryRun === true
        ? 'auditSentence.records.import.check'
        : input.kind === 'staff'
          ? 'auditSentence.records.import.staff'
          : 'auditSentence.records.import.pupils',
    change: true,
  },
  'records.export.pupils': { phrase: 'auditSentence.records.export.pupils', change: false },
  'records.export.classList': { phrase: 'auditSentence.records.export.classList', change: false },
  'records.export.staff': { phrase: 'auditSentence.records.export.staff', change: false },
  'records.import.template': { phrase: 'auditSentence.records.import.template', change: false },
  'records.export.classes': { phrase: 'auditSentence.records.export.classes', change: false },
  'records.export.facilities': { phrase: 'auditSentence.records.export.facilities', change: false },
  'records.equipment.create': {
    phrase: 'auditSentence.records.equipment.create',
    change: true,
    shows: EQUIPMENT_FIELDS,
  },
  'records.equipment.update': {
    phrase: 'auditSentence.records.equipment.update',
    change: true,
    shows: EQUIPMENT_FIELDS,
  },
  'records.equipment.delete': { phrase: 'auditSentence.records.equipment.delete', change: true },
  'records.computers.create': {
    phrase: 'auditSentence.records.computers.create',
    change: true,
    shows: COMPUTER_FIELDS,
  },
  'records.computers.update': {
    phrase: 'auditSentence.records.computers.update',
    change: true,
    shows: COMPUTER_FIELDS,
  },
  'records.computers.delete': { phrase: 'auditSentence.records.computers.delete', change: true },
  'records.computers.bulkCreate': {
    phrase: 'auditSentence.records.computers.bulkCreate',
    params: ({ input }) => ({ count: typeof input.count === 'number' ? input.count : '' }),
    change: true,
  },
  'records.promotion.run': {
    phrase: 'auditSentence.records.promotion.run',
    params: (a) => ({ from: a.name('year', a.row.details?.fromYearId) }),
    change: true,
  },
  'health.checks.list': { phrase: 'auditSentence.health.checks.list', change: false },
  'health.pupil.get': { phrase: 'auditSentence.health.pupil.get', change: false },
  'health.summary': { phrase: 'auditSentence.health.summary', change: false },
  'health.checks.record': { phrase: 'auditSentence.health.checks.record', change: true, listsFields: true },
  'health.checks.update': { phrase: 'auditSentence.health.checks.update', change: true, listsFields: true },
  'health.checks.delete': { phrase: 'auditSentence.health.checks.delete', change: true },
  'health.profile.update': { phrase: 'auditSentence.health.profile.update', change: true, listsFields: true },
  'assessment.gradebook.save': {
    phrase: 'auditSentence.assessment.gradebook.save',
    params: (a) => ({ subject: subject(a), point: point(a) }),
    change: true,
  },
  'assessment.qualities.save': {
    phrase: 'auditSentence.assessment.qualities.save',
    params: (a) => ({ point: point(a) }),
    change: true,
  },
  'assessment.year.save': { phrase: 'auditSentence.assessment.year.save', change: true },
  'assessment.locks.set': {
    phrase: ({ row }) =>
      row.details?.locked === false ? 'auditSentence.assessment.locks.unlock' : 'auditSentence.assessment.locks.lock',
    params: (a) => ({ point: point(a), reason: typeof a.row.details?.reason === 'string' ? a.row.details.reason : '' }),
    change: true,
  },
  'assessment.rules.update': {
    phrase: 'auditSentence.assessment.rules.update',
    change: true,
    shows: ['minScore', 'electivesTested'],
  },
  'assessment.summary.export': {
    phrase: 'auditSentence.assessment.summary.export',
    params: (a) => ({ point: point(a) }),
    change: false,
  },
  'assessment.hocba.pupil': { phrase: 'auditSentence.assessment.hocba.pupil', change: false },
  'assessment.hocba.batch': {
    phrase: ({ row }) =>
      row.target?.startsWith('class:')
        ? 'auditSentence.assessment.hocba.class'
        : 'auditSentence.assessment.hocba.school',
    change: false,
  },
  'documents.submit': { phrase: 'auditSentence.documents.submit', change: true },
  'documents.withdraw': { phrase: 'auditSentence.documents.withdraw', change: true },
  'documents.return': { phrase: 'auditSentence.documents.return', change: true, shows: ['reason'] },
  'documents.register.export': { phrase: 'auditSentence.documents.register.export', change: false },
  'documents.outgoing.update': {
    phrase: 'auditSentence.documents.outgoing.update',
    change: true,
    shows: ['symbol', 'recipients', 'copies', 'registerNote'],
  },
  'documents.incoming.add': { phrase: 'auditSentence.documents.incoming.add', params: incomingParams, change: true },
  'documents.incoming.update': {
    phrase: 'auditSentence.documents.incoming.update',
    params: incomingParams,
    change: true,
    shows: ['receivedOn', 'sender', 'reference', 'documentDate', 'kind', 'summary', 'recipient', 'note'],
  },
  'documents.incoming.export': { phrase: 'auditSentence.documents.incoming.export', change: false },
  'documents.sign': signEntry(),
  'documents.remoteSign.finish': signEntry(),
  'signing.trustAnchors.import': { phrase: 'auditSentence.signing.trustAnchors.import', change: true },
  'signing.trustAnchors.remove': {
    phrase: 'auditSentence.signing.trustAnchors.remove',
    params: ({ row, target }) => ({ name: typeof row.details?.name === 'string' ? row.details.name : target }),
    change: true,
  },
  'signing.tokenModule.set': { phrase: 'auditSentence.signing.tokenModule.set', change: true, shows: ['path'] },
  'signing.settings.set': {
    phrase: 'auditSentence.signing.settings.set',
    change: true,
    shows: ['timestampUrl', 'timestampTimeoutMs'],
  },
};

/** An incoming register line is named by its số đến and sender, which the handler notes in the details. */
function incomingParams({ row }: SentenceArgs): Record<string, string> {
  const d = row.details ?? {};
  return {
    number: typeof d.number === 'string' ? d.number : '',
    sender: typeof d.sender === 'string' ? d.sender : '',
  };
}

function signEntry(): Entry {
  return {
    phrase: ({ row }) =>
      row.target?.startsWith('document:') ? 'auditSentence.documents.sign.one' : 'auditSentence.documents.sign.many',
    params: ({ row }) => ({ count: Array.isArray(row.details?.ids) ? row.details.ids.length : '' }),
    change: true,
  };
}

/** Whether an action changes data; an action the table does not know is shown (it may matter). */
export function isChangeAction(action: string): boolean {
  return AUDIT_SENTENCES[action]?.change ?? true;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The target's label: its name as it is now (a pupil with their class then), or its id when it is gone. */
export function auditTargetLabel(row: AuditRowForSentence): string {
  if (!row.target) return '';
  const name = row.names[row.target];
  const [kind, id] = row.target.split(':', 2);
  if (name === undefined) return id === undefined ? row.target : `#${id}`;
  return kind === 'pupil' && row.targetClass ? `${name} (${row.targetClass})` : name;
}

function formatValue(a: SentenceArgs, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const ref = AUDIT_REF_KEYS[field];
  if (ref) return a.name(ref, value);
  if (field === 'role' && isRole(value)) return a.t(`role.${value}`);
  if (typeof value === 'boolean') return a.t(value ? 'auditSentence.value.yes' : 'auditSentence.value.no');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDateVn(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number);
}

export function fieldLabel(t: Translate, field: string): string {
  const key = `auditField.${field}`;
  return Object.prototype.hasOwnProperty.call(vi, key) ? t(key as MessageKey) : field;
}

/** The row as a sentence in the viewer's language, with the values that may be shown. */
export function describeAuditRow(
  row: AuditRowForSentence,
  t: Translate,
  actionLabel: (action: string) => string | null,
): AuditSentence {
  const loggedInput = isRecord(row.details) ? row.details.input : undefined;
  const input = isRecord(loggedInput) ? loggedInput : {};
  const args: SentenceArgs = {
    row,
    t,
    input,
    target: auditTargetLabel(row),
    name: (kind, id) =>
      typeof id === 'number' || typeof id === 'string' ? (row.names[`${kind}:${id}`] ?? `#${id}`) : '',
  };
  const entry = AUDIT_SENTENCES[row.action];
  let phrase: string;
  if (entry) {
    const key = typeof entry.phrase === 'function' ? entry.phrase(args) : entry.phrase;
    phrase = t(key, { target: args.target, ...entry.params?.(args) });
  } else {
    const label = actionLabel(row.action);
    phrase = label ? lowerFirst(label) : t('auditSentence.other', { action: row.action });
  }
  const actor = row.actorName ?? row.username ?? t('auditSentence.actor.system');
  const sentence = t(row.outcome === 'ok' ? 'auditSentence.done' : 'auditSentence.attempted', { actor, phrase });

  const changes: AuditChange[] = (entry?.shows ?? [])
    .filter((field) => Object.prototype.hasOwnProperty.call(input, field))
    // What a new record leaves empty says nothing; on a change, an emptied field does.
    .filter((field) => !(row.action.endsWith('.create') && (input[field] === null || input[field] === '')))
    .map((field) => ({ field, label: fieldLabel(t, field), value: formatValue(args, field, input[field]) }));
  // 'keys' procedures log { input: { fields } }; some handlers name the fields in the details themselves.
  const given = input.fields ?? (isRecord(row.details) ? row.details.fields : undefined);
  const fields =
    Array.isArray(given) && entry?.listsFields
      ? given.filter((f): f is string => typeof f === 'string' && !IGNORED_FIELDS.has(f)).map((f) => fieldLabel(t, f))
      : [];
  return { sentence, changes, fields };
}

/** Keys of every input that say which record, not what changed. */
const IGNORED_FIELDS = new Set(['id', 'version']);
