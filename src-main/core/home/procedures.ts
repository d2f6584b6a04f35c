/**
 * Trang chủ's summary: each part reuses the module that owns the data (the progress board's
 * computation, the class list's headcounts), filtered by the same rules, so the home page never
 * shows more than the module's own page would.
 */
import type { homeApi, HomeSummary } from '../../../src-shared/api/home';
import type { HandlersFor } from '../handlers';
import { currentUser, type CallContext } from '../context';
import { roleHas } from '../../../src-shared/domain/roles';
import { todayIso } from '../../../src-shared/domain/dates';
import { likelyPoint } from '../../../src-shared/domain/likelyPoint';
import { resolveYear } from '../records/years';
import { listClasses } from '../records/classes';
import { recordsScope } from '../records/scope';
import { assessmentProgress } from '../assessment/progress';
import { accessFor } from '../assessment/scope';

/**
 * A returned document stays returned (the corrected one is a new submission), so only the recent
 * returns are still news.
 */
const RETURNED_RECENT_DAYS = 30;

function currentYear(ctx: CallContext) {
  try {
    return resolveYear(ctx.app.store);
  } catch {
    // A school not yet set up has no current year: the parts that live in a year stay empty.
    return null;
  }
}

function countDocuments(ctx: CallContext, where: string, ...params: unknown[]): number {
  return ctx.app.store.db
    .prepare(`SELECT count(*) FROM documents WHERE ${where}`)
    .pluck()
    .get(...params) as number;
}

function summary(ctx: CallContext): HomeSummary {
  const store = ctx.app.store;
  const user = currentUser(ctx);
  const can = (p: Parameters<typeof roleHas>[1]) => roleHas(user.role, p);
  const year = currentYear(ctx);

  let progress: HomeSummary['progress'] = null;
  if (year && can('assessment.read')) {
    const view = assessmentProgress(store, accessFor(store, user), likelyPoint(year, todayIso()), year.id);
    progress = {
      point: view.point,
      locked: view.locked,
      classes: view.classes.map((c) => ({
        classId: c.classId,
        name: c.name,
        grade: c.grade,
        pupils: c.pupils,
        subjectsDone: c.subjects.reduce((n, s) => n + s.done, 0),
        subjectsExpected: c.subjects.reduce((n, s) => n + s.expected, 0),
        qualitiesDone: c.qualities.done,
        qualitiesExpected: c.qualities.expected,
      })),
    };
  }

  const backups = can('backup.manage') ? ctx.app.backups : null;
  return {
    year: year ? { id: year.id, name: year.name } : null,
    toSign: can('documents.sign') ? { count: countDocuments(ctx, `status = 'submitted'`) } : null,
    returnedToMe: can('documents.submit')
      ? {
          count: countDocuments(
            ctx,
            `status = 'returned' AND submitted_by = ? AND decided_at >= ?`,
            user.id,
            Date.now() - RETURNED_RECENT_DAYS * 86_400_000,
          ),
          days: RETURNED_RECENT_DAYS,
        }
      : null,
    progress,
    headcounts:
      year && can('records.read')
        ? listClasses(store, recordsScope(store, user), year.id).map((c) => ({
            classId: c.id,
            name: c.name,
            grade: c.grade,
            pupils: c.pupils,
            boys: c.pupils - c.girls,
            girls: c.girls,
          }))
        : null,
    backup: backups
      ? {
          // Backups are listed newest first.
          lastBackupAt: backups.list()[0]?.createdAt.toISOString() ?? null,
          lastDailyAt: backups.lastDaily(),
          offDisk: backups.offDiskStatus(),
        }
      : null,
  };
}

export const homeHandlers: HandlersFor<typeof homeApi> = {
  'home.summary': (ctx) => summary(ctx),
};
