import type { auditApi } from '../../../src-shared/api/audit';
import type { HandlersFor } from '../handlers';
import { queryAudit } from './log';

export const auditHandlers: HandlersFor<typeof auditApi> = {
  'audit.list': (ctx, input) => queryAudit(ctx.app.store, input),
};
