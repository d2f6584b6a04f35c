/**
 * Trang chủ: what is due for the signed-in user, in one call. Counts and class names only, never a
 * pupil's or a document's details; each part is present only for the roles that may act on it.
 */
import { z } from 'zod';
import { procedure } from './procedure';
import { empty, id, isoDateTime } from './common';
import { point } from './assessment';
import { offDiskStatus } from './backup';

const classProgress = z.object({
  classId: id,
  name: z.string(),
  grade: z.number().int(),
  pupils: z.number().int().nonnegative(),
  /** Subject cells entered (level, and score where a test is due) and expected, for this point. */
  subjectsDone: z.number().int().nonnegative(),
  subjectsExpected: z.number().int().nonnegative(),
  qualitiesDone: z.number().int().nonnegative(),
  qualitiesExpected: z.number().int().nonnegative(),
});

const classHeadcount = z.object({
  classId: id,
  name: z.string(),
  grade: z.number().int(),
  pupils: z.number().int().nonnegative(),
  boys: z.number().int().nonnegative(),
  girls: z.number().int().nonnegative(),
});

export const homeSummary = z.object({
  year: z.object({ id, name: z.string() }).nullable(),
  /** The principal's signing queue. */
  toSign: z.object({ count: z.number().int().nonnegative() }).nullable(),
  /** The user's own submissions the signer returned in the last `days` days. */
  returnedToMe: z.object({ count: z.number().int().nonnegative(), days: z.number().int().positive() }).nullable(),
  /** Gradebook entry at the point teachers are most likely working on; a teacher's own classes. */
  progress: z.object({ point, locked: z.boolean(), classes: z.array(classProgress) }).nullable(),
  headcounts: z.array(classHeadcount).nullable(),
  /**
   * The administrator's: when the data was last backed up (any kind), the last daily run, and the last
   * copy off the server's disk (the one that survives the disk).
   */
  backup: z
    .object({ lastBackupAt: isoDateTime.nullable(), lastDailyAt: isoDateTime.nullable(), offDisk: offDiskStatus })
    .nullable(),
});
export type HomeSummary = z.infer<typeof homeSummary>;

export const homeApi = {
  'home.summary': procedure({
    summary:
      "What is due for the signed-in user's role: signing queue, returned documents, entry progress, headcounts.",
    input: empty,
    output: homeSummary,
    permission: 'session',
    audit: 'none',
  }),
};
