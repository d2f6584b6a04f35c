import type { jobsApi } from '../../../src-shared/api/jobs';
import type { HandlersFor } from '../handlers';
import { currentUser, type CallContext } from '../context';
import { AppError } from '../../errors';

/** A job is visible to its owner and to admins; to anyone else it does not exist. */
function visibleJob(ctx: CallContext, id: string) {
  const found = ctx.app.jobs.get(id);
  const me = currentUser(ctx);
  if (!found || (found.ownerId !== me.id && me.role !== 'admin')) throw new AppError('not_found', 'jobs.not_found');
  return found.view;
}

export const jobsHandlers: HandlersFor<typeof jobsApi> = {
  'jobs.get': (ctx, { id }) => visibleJob(ctx, id),
  'jobs.list': (ctx) => ({ jobs: ctx.app.jobs.list(currentUser(ctx).id) }),
  'jobs.cancel': (ctx, { id }) => {
    visibleJob(ctx, id);
    ctx.audit.target = `job:${id}`;
    return ctx.app.jobs.cancel(id)!;
  },
};
