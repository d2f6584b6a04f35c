/**
 * Every handler, keyed by procedure name. The type requires a handler for each contract in
 * src-shared/api, so a procedure cannot be declared and forgotten.
 */
import type { Api } from '../../src-shared/api';
import type { HandlersFor } from './handlers';
import { authHandlers, usersHandlers } from './auth/procedures';
import { schoolHandlers } from './school/procedures';
import { auditHandlers } from './audit/procedures';
import { jobsHandlers } from './jobs/procedures';
import { backupHandlers } from './backup/procedures';
import { recordsHandlers } from './records/procedures';
import { healthHandlers } from './health/procedures';
import { assessmentHandlers } from './assessment/procedures';
import { documentsHandlers } from './documents/procedures';
import { homeHandlers } from './home/procedures';

export const handlers: HandlersFor<Api> = {
  ...authHandlers,
  ...usersHandlers,
  ...schoolHandlers,
  ...auditHandlers,
  ...jobsHandlers,
  ...backupHandlers,
  ...recordsHandlers,
  ...healthHandlers,
  ...assessmentHandlers,
  ...documentsHandlers,
  ...homeHandlers,
};
