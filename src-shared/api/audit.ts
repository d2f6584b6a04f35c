import { z } from 'zod';
import { procedure } from './procedure';
import { id, isoDate, isoDateTime } from './common';

export const auditRow = z.object({
  id,
  at: isoDateTime,
  userId: id.nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  /** 'ok' or the error code the call ended with. */
  outcome: z.string(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  /** The actor's full name as the account has it now; null for the system or a removed account. */
  actorName: z.string().nullable(),
  /**
   * Names, as they are now, of the row's target and of the records its details point at ('pupil:15' →
   * 'Nguyễn Trung Bảo', 'class:3' → '1A'); a removed record is absent and shows by its id.
   */
  names: z.record(z.string(), z.string()),
  /** For a pupil target: the class the pupil was in on the row's day. */
  targetClass: z.string().nullable(),
});
export type AuditRow = z.infer<typeof auditRow>;

export const auditFilter = z.strictObject({
  /** Calendar days in the school's time zone, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  userId: id.optional(),
  /** An exact procedure name, or a capability prefix ending in '.' ('users.'). */
  action: z.string().max(100).optional(),
  outcome: z.enum(['all', 'ok', 'failed']).default('all'),
  /**
   * 'changes': only successful calls that change data (auditSentences' table says which); views, exports
   * and prints of personal data, sign-ins and refused or failed calls stay in the log but are left out.
   */
  view: z.enum(['all', 'changes']).default('all'),
  /** Matches username, target and details text. */
  search: z.string().max(100).optional(),
});

export const auditApi = {
  'audit.actors': procedure({
    summary: 'Everyone who appears in the audit log, for the viewer’s user filter.',
    input: z.strictObject({}),
    output: z.object({
      actors: z.array(z.object({ userId: id, username: z.string(), fullName: z.string().nullable() })),
    }),
    permission: 'audit.read',
    audit: 'none',
  }),
  'audit.list': procedure({
    summary: 'The audit log, newest first, filtered; keyset-paged by id.',
    input: auditFilter.extend({
      limit: z.number().int().min(1).max(500).default(50),
      before: id.optional(),
    }),
    output: z.object({ rows: z.array(auditRow), total: z.number().int(), nextBefore: id.nullable() }),
    permission: 'audit.read',
    audit: 'none',
  }),
};
