import type { auditApi } from '../../../src-shared/api/audit';
import type { HandlersFor } from '../handlers';
import { auditActors, queryAudit } from './log';
import { withNames } from './names';

export const auditHandlers: HandlersFor<typeof auditApi> = {
  'audit.list': (ctx, input) => {
    const page = queryAudit(ctx.app.store, input);
    return { ...page, rows: withNames(ctx.app.store, page.rows) };
  },
  'audit.actors': (ctx) => ({ actors: auditActors(ctx.app.store) }),
};
