import { z } from 'zod';
import { procedure } from './procedure';
import { isoDateTime } from './common';
import { ERROR_CODES } from './envelope';

/** 'queued': waiting for a free slot (a user runs a few jobs at a time, the server a few per core). */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Not ended yet: waiting for its turn or at work. */
export function jobActive(status: JobStatus): boolean {
  return status === 'queued' || status === 'running';
}

export const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.object({ done: z.number(), total: z.number(), message: z.string() }),
  result: z.unknown(),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
  createdAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
});
export type JobView = z.infer<typeof jobView>;

/** What /events pushes to a client. */
export type ServerEvent = { type: 'job'; job: JobView } | { type: 'hello'; userId: number };

export const jobsApi = {
  'jobs.get': procedure({
    summary: 'A job’s status and progress (one’s own, or any for an admin).',
    input: z.strictObject({ id: z.string().max(64) }),
    output: jobView,
    permission: 'session',
    audit: 'none',
  }),
  'jobs.list': procedure({
    summary: 'One’s recent jobs.',
    input: z.strictObject({}),
    output: z.object({ jobs: z.array(jobView) }),
    permission: 'session',
    audit: 'none',
  }),
  'jobs.cancel': procedure({
    summary: 'Ask a running job to stop (a queued one is dropped at once).',
    input: z.strictObject({ id: z.string().max(64) }),
    output: jobView,
    permission: 'session',
    audit: 'write',
  }),
};
