/**
 * The school's growth picture for a year (for the principal and the nurse's reports): per grade, the
 * pupils, how many were checked, and how many fall in each WHO band by sex — each pupil counted once,
 * by the latest check of the year that has a band.
 */
import type { Store } from '../../store/open';
import { AppError } from '../../errors';
import { resolveYear } from '../records/years';
import { BMI_BANDS, type BmiBand, type Sex } from '../../../src-shared/domain/growth';
import type { BandCounts, SummaryGroup } from '../../../src-shared/api/health';
import { assertClassVisible, type HealthScope } from './scope';

interface SummaryRowDb {
  sex: Sex;
  grade: number;
  checked: 0 | 1;
  band: BmiBand | null;
}

function emptyBands(): BandCounts {
  return Object.fromEntries(BMI_BANDS.map((b) => [b, 0])) as BandCounts;
}

function emptyGroup(): SummaryGroup {
  return { pupils: 0, checked: 0, bands: { male: emptyBands(), female: emptyBands() }, unclassified: 0 };
}

function add(group: SummaryGroup, row: SummaryRowDb): void {
  group.pupils++;
  if (!row.checked) return;
  group.checked++;
  if (row.band) group.bands[row.sex][row.band]++;
  else group.unclassified++;
}

/** The one class asked for: visible to the scope and, when a year is given too, of that year. */
function summaryClass(store: Store, scope: HealthScope, classId: number, schoolYearId: number | undefined) {
  const cls = store.statement('SELECT id, school_year_id AS schoolYearId FROM classes WHERE id = ?').get(classId) as
    { id: number; schoolYearId: number } | undefined;
  if (!cls || (schoolYearId !== undefined && cls.schoolYearId !== schoolYearId)) {
    throw new AppError('not_found', 'health.class_not_found', {}, { field: 'classId' });
  }
  assertClassVisible(scope, cls.id);
  return cls;
}

export function healthSummary(store: Store, scope: HealthScope, input: { schoolYearId?: number; classId?: number }) {
  const cls = input.classId === undefined ? undefined : summaryClass(store, scope, input.classId, input.schoolYearId);
  const year = resolveYear(store, input.schoolYearId ?? cls?.schoolYearId);
  const where = [`e.school_year_id = @year`, `(e.end_date IS NULL OR e.exit = 'completed')`];
  const params: Record<string, number> = { year: year.id };
  if (cls) {
    where.push('c.id = @classId');
    params.classId = cls.id;
  }
  if (scope.classIds !== null) {
    const ids = [...scope.classIds].map(Number);
    where.push(ids.length ? `c.id IN (${ids.join(',')})` : '0');
  }
  const rows = store
    .statement(
      `SELECT p.sex, c.grade,
         EXISTS (SELECT 1 FROM health_checks h WHERE h.pupil_id = p.id AND h.school_year_id = @year) AS checked,
         (SELECT h.bmi_band FROM health_checks h
            WHERE h.pupil_id = p.id AND h.school_year_id = @year AND h.bmi_band IS NOT NULL
            ORDER BY h.date DESC, h.id DESC LIMIT 1) AS band
       FROM enrolments e JOIN pupils p ON p.id = e.pupil_id JOIN classes c ON c.id = e.class_id
       WHERE ${where.join(' AND ')}`,
    )
    .all(params) as SummaryRowDb[];

  const grades = new Map<number, SummaryGroup>();
  const total = emptyGroup();
  for (const row of rows) {
    let group = grades.get(row.grade);
    if (!group) grades.set(row.grade, (group = emptyGroup()));
    add(group, row);
    add(total, row);
  }
  return {
    schoolYear: { id: year.id, name: year.name },
    grades: [...grades.entries()].sort(([a], [b]) => a - b).map(([grade, g]) => ({ grade, ...g })),
    total,
  };
}
