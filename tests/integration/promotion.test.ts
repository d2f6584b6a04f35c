/** Year-end promotion over the demo school: up a grade, repeat, complete primary school; all or nothing. */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, silentLogger } from '../../src-main/core/app';
import { seedDemoSchool } from '../../src-main/core/demo/seed';
import { createYear } from '../../src-main/core/school/service';
import { nextClassName, previewPromotion, runPromotion } from '../../src-main/core/records/promotion';
import { defaultSchoolYear } from '../../src-shared/domain/schoolYear';
import { listPupils } from '../../src-main/core/records/pupils';
import { tempDir } from './support/server';

type App = Awaited<ReturnType<typeof createApp>>;
const apps: App[] = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));

async function demo() {
  const app = await createApp({ dataDir: tempDir(), log: silentLogger });
  apps.push(app);
  await seedDemoSchool(app.store, new Date('2025-10-01T03:00:00Z'));
  const from = app.store.db.prepare('SELECT id FROM school_years WHERE is_current = 1').pluck().get() as number;
  const to = createYear(app.store, { ...defaultSchoolYear(2026), makeCurrent: false }).id;
  return { app, from, to };
}

const scope = { classIds: null, seesPersonalIds: true };

describe('year-end promotion', () => {
  it('names next year’s class', () => {
    expect(nextClassName('3A', 3)).toBe('4A');
    expect(nextClassName('1B2', 1)).toBe('2B2');
  });

  it('proposes promotion, and completion in grade 5, for every pupil at the school', async () => {
    const { app, from, to } = await demo();
    const preview = previewPromotion(app.store, from, to);
    expect(preview.classes.map((c) => `${c.name}→${c.nextName}`)).toContain('4B→5B');
    expect(preview.classes.find((c) => c.name === '5C')!.nextName).toBe('');
    const all = preview.classes.flatMap((c) => c.pupils.map((p) => ({ ...p, grade: c.grade })));
    const studying = listPupils(app.store, scope, {
      schoolYearId: from,
      status: 'studying',
      sort: 'class',
      offset: 0,
      limit: 5000,
    });
    expect(all).toHaveLength(studying.total);
    expect(all.every((p) => p.decision === (p.grade === 5 ? 'complete' : 'promote'))).toBe(true);
  });

  it('promotes, keeps a repeater in the grade, graduates grade 5, and creates the classes', async () => {
    const { app, from, to } = await demo();
    const preview = previewPromotion(app.store, from, to);
    const decisions = preview.classes.flatMap((c) =>
      c.pupils.map((p) => ({ pupilId: p.pupilId, decision: p.decision })),
    );
    const repeater = preview.classes.find((c) => c.name === '2A')!.pupils[0]!;
    decisions.find((d) => d.pupilId === repeater.pupilId)!.decision = 'repeat';
    const outcome = runPromotion(app.store, null, { fromYearId: from, toYearId: to, decisions });
    const grade5 = preview.classes.filter((c) => c.grade === 5).reduce((n, c) => n + c.pupils.length, 0);
    expect(outcome.completed).toBe(grade5);
    expect(outcome.repeated).toBe(1);
    expect(outcome.promoted).toBe(decisions.length - grade5 - 1);
    expect(outcome.classesCreated.sort()).toEqual([
      '2A',
      '2B',
      '2C',
      '3A',
      '3B',
      '3C',
      '4A',
      '4B',
      '4C',
      '5A',
      '5B',
      '5C',
    ]);

    const next = listPupils(app.store, scope, {
      schoolYearId: to,
      status: 'studying',
      sort: 'class',
      offset: 0,
      limit: 5000,
    });
    expect(next.total).toBe(decisions.length - grade5);
    expect(next.rows.find((r) => r.id === repeater.pupilId)!.className).toBe('2A');
    const promotedFrom1A = preview.classes.find((c) => c.name === '1A')!.pupils[0]!;
    expect(next.rows.find((r) => r.id === promotedFrom1A.pupilId)!.className).toBe('2A');
    // Last year's lists still show everyone where they were.
    const last = listPupils(app.store, scope, {
      schoolYearId: from,
      status: 'studying',
      sort: 'class',
      offset: 0,
      limit: 5000,
    });
    expect(last.total).toBe(decisions.length);

    // Run again, it finds nobody left to promote: nothing changes.
    const placed = app.store.db.prepare('SELECT count(*) FROM enrolments WHERE school_year_id = ?').pluck().get(to);
    expect(runPromotion(app.store, null, { fromYearId: from, toYearId: to, decisions })).toMatchObject({
      promoted: 0,
      completed: 0,
    });
    expect(app.store.db.prepare('SELECT count(*) FROM enrolments WHERE school_year_id = ?').pluck().get(to)).toBe(
      placed,
    );
    expect(previewPromotion(app.store, from, to).alreadyPlaced).toBe(decisions.length - grade5);
  });

  it('refuses, writing nothing, a missing decision or one that does not fit the grade', async () => {
    const { app, from, to } = await demo();
    const preview = previewPromotion(app.store, from, to);
    const decisions = preview.classes.flatMap((c) =>
      c.pupils.map((p) => ({ pupilId: p.pupilId, decision: p.decision })),
    );
    const count = () =>
      app.store.db.prepare('SELECT count(*) FROM enrolments WHERE school_year_id = ?').pluck().get(to);
    expect(() =>
      runPromotion(app.store, null, { fromYearId: from, toYearId: to, decisions: decisions.slice(1) }),
    ).toThrow(expect.objectContaining({ key: 'records.promotion_missing' }));
    const fifth = preview.classes.find((c) => c.grade === 5)!.pupils[0]!.pupilId;
    const wrong = decisions.map((d) => (d.pupilId === fifth ? { ...d, decision: 'promote' as const } : d));
    expect(() => runPromotion(app.store, null, { fromYearId: from, toYearId: to, decisions: wrong })).toThrow(
      expect.objectContaining({ key: 'records.promotion_promote_grade' }),
    );
    expect(count()).toBe(0);
    expect(() => previewPromotion(app.store, to, from)).toThrow(
      expect.objectContaining({ key: 'records.promotion_year_order' }),
    );
  });
});
