/**
 * The assessment procedures. Every write names the pupil or class it touched in the audit log; the
 * values (levels, scores, comments) are pupils' personal data and stay out of the append-only log.
 */
import type { assessmentApi } from '../../../src-shared/api/assessment';
import type { HandlersFor } from '../handlers';
import { currentUser, type CallContext } from '../context';
import { AppError } from '../../errors';
import { resolveYear } from '../records/years';
import { PERIODIC_POINTS } from '../../../src-shared/domain/tt27';
import { todayIso } from '../../../src-shared/domain/dates';
import {
  accessFor,
  assignmentsOf,
  canEditSubject,
  canSeeClass,
  classesOfYear,
  isHomeroom,
  type AssessmentAccess,
} from './scope';
import { getGradebook, saveGradebookEntry } from './gradebook';
import { getQualities, saveQuality } from './qualities';
import { getYearResults, saveYearResult } from './yearResults';
import { locksOf, readRules, setLock, writeRules } from './points';
import { assessmentProgress, assessmentStats } from './progress';
import { exportClassSummary, exportHocBaBatch, exportPupilHocBa } from './documents';
import { subjectsForGrade } from '../../../src-shared/domain/subjects';
import { rosterAt } from './roster';

function access(ctx: CallContext): AssessmentAccess {
  return accessFor(ctx.app.store, currentUser(ctx));
}

function lockView(ctx: CallContext, schoolYearId: number, point: (typeof PERIODIC_POINTS)[number]) {
  const lock = locksOf(ctx.app.store, schoolYearId).get(point);
  return {
    point,
    locked: lock !== undefined,
    lockedAt: lock ? new Date(lock.lockedAt).toISOString() : null,
    lockedBy: lock?.lockedBy ?? null,
  };
}

export const assessmentHandlers: HandlersFor<typeof assessmentApi> = {
  'assessment.classes.list': (ctx, { schoolYearId }) => {
    const { store } = ctx.app;
    const who = access(ctx);
    const year = resolveYear(store, schoolYearId);
    const classes = classesOfYear(store, year.id)
      .filter((c) => canSeeClass(store, who, c))
      .map((cls) => {
        const assignments = assignmentsOf(store, cls.id);
        return {
          classId: cls.id,
          name: cls.name,
          grade: cls.grade,
          schoolYearId: cls.schoolYearId,
          homeroomTeacher: cls.homeroomName,
          pupils: rosterAt(store, cls, year, 'CUOI_NAM').filter((p) => p.enrolled).length,
          isHomeroom: isHomeroom(who, cls),
          subjects: subjectsForGrade(cls.grade).map((s) => ({
            key: s.key,
            name: s.name,
            teacher: assignments.get(s.key)?.name ?? (s.elective ? null : cls.homeroomName),
            canEdit: canEditSubject(who, cls, assignments, s.key),
          })),
        };
      });
    return { schoolYearId: year.id, classes };
  },

  'assessment.gradebook.get': (ctx, { classId, subject, point }) =>
    getGradebook(ctx.app.store, access(ctx), classId, subject, point),

  'assessment.gradebook.save': (ctx, input) => {
    ctx.audit.target = `pupil:${input.pupilId}`;
    ctx.audit.details = { classId: input.classId, subject: input.subject, point: input.point, version: input.version };
    return saveGradebookEntry(ctx.app.store, access(ctx), input);
  },

  'assessment.qualities.get': (ctx, { classId, point }) => getQualities(ctx.app.store, access(ctx), classId, point),

  'assessment.qualities.save': (ctx, input) => {
    ctx.audit.target = `pupil:${input.pupilId}`;
    ctx.audit.details = { classId: input.classId, point: input.point, item: input.item, version: input.version };
    return saveQuality(ctx.app.store, access(ctx), input);
  },

  'assessment.year.get': (ctx, { classId }) => getYearResults(ctx.app.store, access(ctx), ctx.locale, classId),

  'assessment.year.save': (ctx, input) => {
    ctx.audit.target = `pupil:${input.pupilId}`;
    ctx.audit.details = { classId: input.classId, version: input.version };
    return saveYearResult(ctx.app.store, access(ctx), ctx.locale, input);
  },

  'assessment.locks.list': (ctx, { schoolYearId }) => {
    const year = resolveYear(ctx.app.store, schoolYearId);
    return { schoolYearId: year.id, points: PERIODIC_POINTS.map((p) => lockView(ctx, year.id, p)) };
  },

  'assessment.locks.set': (ctx, { schoolYearId, point, locked, reason }) => {
    const { store } = ctx.app;
    const year = resolveYear(store, schoolYearId);
    ctx.audit.target = `school_year:${year.id}`;
    ctx.audit.details = { point, locked, reason };
    if (!locked && reason === '') {
      throw new AppError('invalid_input', 'assessment.unlock.reason', {}, { field: 'reason' });
    }
    setLock(store, year.id, point, locked, currentUser(ctx).id);
    return lockView(ctx, year.id, point);
  },

  'assessment.progress': (ctx, { schoolYearId, point }) =>
    assessmentProgress(ctx.app.store, access(ctx), point, schoolYearId),

  'assessment.stats': (ctx, { schoolYearId, point, grade }) =>
    assessmentStats(ctx.app.store, access(ctx), point, schoolYearId, grade),

  'assessment.rules.get': (ctx) => readRules(ctx.app.store),

  'assessment.rules.update': (ctx, rules) => {
    writeRules(ctx.app.store, rules);
    return readRules(ctx.app.store);
  },

  'assessment.summary.export': (ctx, { classId, point, format }) => {
    ctx.audit.target = `class:${classId}`;
    ctx.audit.details = { point, format };
    return exportClassSummary(ctx.app, access(ctx), ctx.locale, classId, point, format, todayIso());
  },

  'assessment.hocba.pupil': (ctx, { pupilId, schoolYearId }) => {
    ctx.audit.target = `pupil:${pupilId}`;
    return exportPupilHocBa(ctx.app, access(ctx), pupilId, schoolYearId, todayIso());
  },

  'assessment.hocba.batch': (ctx, input) => {
    ctx.audit.target = input.classId === undefined ? 'school' : `class:${input.classId}`;
    return exportHocBaBatch(ctx.app, access(ctx), ctx.locale, input, todayIso());
  },
};
