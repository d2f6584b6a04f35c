import type { auditApi } from '../../../src-shared/api/audit';
import type { HandlersFor } from '../handlers';
import { auditActors, queryAudit } from './log';

export const auditHandlers: HandlersFor<typeof auditApi> = {
  'audit.list': (ctx, input) => queryAudit(ctx.app.store, input),
  'audit.actors': (ctx) => ({ actors: auditActors(ctx.app.store) }),
};
