/**
 * The procedure table: every capability's contracts in one map. The server registers a handler for
 * each name; the renderer's client is typed from it.
 */
import { authApi } from './auth';
import { usersApi } from './users';
import { schoolApi } from './school';
import { auditApi } from './audit';
import { jobsApi } from './jobs';
import { backupApi } from './backup';
import { recordsApi } from './records';
import { healthApi } from './health';
import { assessmentApi } from './assessment';
import { documentsApi, signingApi } from './documents';
import { signingSettingsApi } from './signingSettings';
import { homeApi } from './home';

export const api = {
  ...authApi,
  ...usersApi,
  ...schoolApi,
  ...auditApi,
  ...jobsApi,
  ...backupApi,
  ...recordsApi,
  ...healthApi,
  ...assessmentApi,
  ...documentsApi,
  ...signingApi,
  ...signingSettingsApi,
  ...homeApi,
};

export type Api = typeof api;
export type ProcedureName = keyof Api;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
