import type { schoolApi } from '../../../src-shared/api/school';
import type { HandlersFor } from '../handlers';
import { writeNamingTarget } from '../context';
import { APP_VERSION } from '../../appInfo';
import { openSession } from '../auth/procedures';
import {
  createYear,
  deleteYear,
  getProfile,
  getSchoolRow,
  listYears,
  setCurrentYear,
  setupSchool,
  updateProfile,
  updateYear,
} from './service';

export const schoolHandlers: HandlersFor<typeof schoolApi> = {
  'school.status': (ctx) => {
    const row = getSchoolRow(ctx.app.store);
    return {
      initialized: row !== undefined,
      demo: row?.demo ?? false,
      schoolName: row?.name ?? null,
      appVersion: APP_VERSION,
    };
  },

  'school.setup': async (ctx, input) => {
    ctx.audit.target = 'school';
    let session: ReturnType<typeof openSession> | undefined;
    // The admin signs in within the setup's transaction, so the audit row of the setup names them.
    await setupSchool(ctx.app.store, input, (admin) => (session = openSession(ctx.app, ctx, admin)));
    return session!;
  },

  'school.profile.get': (ctx) => getProfile(ctx.app.store),

  'school.profile.update': (ctx, input) => {
    ctx.audit.target = 'school';
    return updateProfile(ctx.app.store, input);
  },

  'school.years.list': (ctx) => ({ years: listYears(ctx.app.store) }),

  'school.years.create': (ctx, input) => {
    return writeNamingTarget(
      ctx,
      () => createYear(ctx.app.store, input),
      (year) => `year:${year.id}`,
    );
  },

  'school.years.update': (ctx, input) => {
    ctx.audit.target = `year:${input.id}`;
    return updateYear(ctx.app.store, input);
  },

  'school.years.setCurrent': (ctx, { id }) => {
    ctx.audit.target = `year:${id}`;
    return setCurrentYear(ctx.app.store, id);
  },

  'school.years.delete': (ctx, { id }) => {
    ctx.audit.target = `year:${id}`;
    deleteYear(ctx.app.store, id);
    return {};
  },
};
