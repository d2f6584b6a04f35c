/**
 * The school-health procedures. Reads are 'sensitive' (each one is in the audit log, with the pupil or
 * class as its target) and go through the health scope: a teacher sees only their homeroom pupils.
 */
import type { healthApi } from '../../../src-shared/api/health';
import type { HandlersFor } from '../handlers';
import { currentUser, type CallContext } from '../context';
import { assertPupilVisible, healthScope } from './scope';
import { deleteCheck, getCheckView, pupilBasics, pupilChecks, pupilOfCheck, recordCheck, updateCheck } from './checks';
import { classChecks, healthClasses } from './classList';
import { getProfile, updateProfile } from './profiles';
import { healthSummary } from './summary';
import { currentClassName } from './pupilClass';

/**
 * What the audit row of a write says about its input: which fields were given, never their values.
 * The audit viewer is open to the administrator, who must not see health data.
 */
function noteFields(ctx: CallContext, ids: Record<string, number>, fields: Record<string, unknown>): void {
  const given = Object.entries(fields)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k]) => k);
  ctx.audit.details = { ...ids, fields: given };
}

function scopeOf(ctx: CallContext) {
  return healthScope(ctx.app.store, currentUser(ctx));
}

/** The audit row names the pupil a check belongs to, or the check itself when it does not exist. */
function targetCheck(ctx: CallContext, id: number): void {
  const pupilId = pupilOfCheck(ctx.app.store, id);
  ctx.audit.target = pupilId === null ? `health_check:${id}` : `pupil:${pupilId}`;
}

export const healthHandlers: HandlersFor<typeof healthApi> = {
  'health.classes.list': (ctx, { schoolYearId }) => healthClasses(ctx.app.store, scopeOf(ctx), schoolYearId),

  'health.checks.list': (ctx, { classId, schoolYearId }) => {
    ctx.audit.target = `class:${classId}`;
    return classChecks(ctx.app.store, scopeOf(ctx), classId, schoolYearId);
  },

  'health.pupil.get': (ctx, { pupilId }) => {
    ctx.audit.target = `pupil:${pupilId}`;
    const { store } = ctx.app;
    assertPupilVisible(store, scopeOf(ctx), pupilId);
    const pupil = pupilBasics(store, pupilId);
    return {
      pupil: { ...pupil, className: currentClassName(store, pupilId) },
      profile: getProfile(store, pupilId),
      checks: pupilChecks(store, pupil),
    };
  },

  'health.checks.record': (ctx, { pupilId, ...fields }) => {
    ctx.audit.target = `pupil:${pupilId}`;
    noteFields(ctx, { pupilId }, fields);
    const { store } = ctx.app;
    const id = store.transaction(() => recordCheck(store, currentUser(ctx), pupilId, fields));
    return getCheckView(store, id);
  },

  'health.checks.update': (ctx, { id, version, ...fields }) => {
    noteFields(ctx, { checkId: id, version }, fields);
    targetCheck(ctx, id);
    const { store } = ctx.app;
    store.transaction(() => updateCheck(store, id, version, fields));
    return getCheckView(store, id);
  },

  'health.checks.delete': (ctx, { id, version }) => {
    ctx.audit.details = { checkId: id, version };
    targetCheck(ctx, id);
    const { store } = ctx.app;
    store.transaction(() => deleteCheck(store, id, version));
    return { deleted: true as const };
  },

  'health.profile.update': (ctx, { pupilId, version, ...fields }) => {
    ctx.audit.target = `pupil:${pupilId}`;
    noteFields(ctx, { pupilId, version }, fields);
    const { store } = ctx.app;
    pupilBasics(store, pupilId);
    store.transaction(() => updateProfile(store, pupilId, version, fields));
    return getProfile(store, pupilId);
  },

  'health.summary': (ctx, input) => {
    if (input.classId !== undefined) ctx.audit.target = `class:${input.classId}`;
    const summary = healthSummary(ctx.app.store, scopeOf(ctx), input);
    ctx.audit.target ??= `school_year:${summary.schoolYear.id}`;
    return summary;
  },
};
