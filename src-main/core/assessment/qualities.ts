/**
 * The GVCN's ratings of the 5 qualities and 10 competences (T/Đ/C) per pupil and periodic point, saved
 * one cell at a time with its own version.
 */
import type { Store } from '../../store/open';
import { AppError } from '../../errors';
import { resolveYear } from '../records/years';
import { POINT_LABELS, type PeriodicPoint, type QualityLevel } from '../../../src-shared/domain/tt27';
import type { QualitiesView } from '../../../src-shared/api/assessment';
import { assertCanEditHomeroom, assertCanSeeClass, canEditHomeroom, loadClass, type AssessmentAccess } from './scope';
import { assertUnlocked, isLocked } from './points';
import { enrolledAt, rosterAt } from './roster';
import { conflictWith } from './gradebook';

interface CellDb {
  pupilId: number;
  item: string;
  level: QualityLevel | null;
  version: number;
}

export function getQualities(
  store: Store,
  access: AssessmentAccess,
  classId: number,
  point: PeriodicPoint,
): QualitiesView {
  const cls = loadClass(store, classId);
  assertCanSeeClass(store, access, cls);
  const year = resolveYear(store, cls.schoolYearId);
  const cells = store
    .statement(
      `SELECT pupil_id AS pupilId, item, level, version FROM quality_results
       WHERE school_year_id = ? AND point = ? AND pupil_id IN (SELECT pupil_id FROM enrolments WHERE class_id = ?)`,
    )
    .all(year.id, point, cls.id) as CellDb[];
  const byPupil = new Map<number, Record<string, { level: QualityLevel | null; version: number }>>();
  for (const c of cells) {
    const row = byPupil.get(c.pupilId) ?? {};
    row[c.item] = { level: c.level, version: c.version };
    byPupil.set(c.pupilId, row);
  }
  const locked = isLocked(store, year.id, point);
  return {
    classId: cls.id,
    className: cls.name,
    grade: cls.grade,
    point,
    locked,
    canEdit: !locked && canEditHomeroom(access, cls),
    rows: rosterAt(store, cls, year, point).map((p) => ({ ...p, cells: byPupil.get(p.pupilId) ?? {} })),
  };
}

export interface QualityEntry {
  classId: number;
  point: PeriodicPoint;
  pupilId: number;
  item: string;
  level: QualityLevel | null;
  version: number;
}

export function saveQuality(
  store: Store,
  access: AssessmentAccess,
  entry: QualityEntry,
): { pupilId: number; item: string; cell: { level: QualityLevel | null; version: number } } {
  const cls = loadClass(store, entry.classId);
  assertCanSeeClass(store, access, cls);
  assertCanEditHomeroom(access, cls);
  const year = resolveYear(store, cls.schoolYearId);
  assertUnlocked(store, year, entry.point);
  if (!enrolledAt(store, cls, year, entry.point, entry.pupilId)) {
    throw new AppError(
      'rule_violation',
      'assessment.pupilNotInClass',
      { class: cls.name, point: POINT_LABELS[entry.point] },
      { field: 'pupilId' },
    );
  }
  return store.transaction(() => {
    const existing = store
      .statement(
        `SELECT id, level, version FROM quality_results WHERE pupil_id = ? AND school_year_id = ? AND point = ? AND item = ?`,
      )
      .get(entry.pupilId, year.id, entry.point, entry.item) as
      { id: number; level: QualityLevel | null; version: number } | undefined;
    if ((existing?.version ?? 0) !== entry.version) {
      throw conflictWith(store, entry.pupilId, {
        pupilId: entry.pupilId,
        item: entry.item,
        cell: { level: existing?.level ?? null, version: existing?.version ?? 0 },
      });
    }
    const now = Date.now();
    if (existing) {
      store
        .statement(
          `UPDATE quality_results SET level = ?, class_id = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?`,
        )
        .run(entry.level, cls.id, access.user.id, now, existing.id);
    } else {
      store
        .statement(
          `INSERT INTO quality_results (pupil_id, school_year_id, class_id, point, item, level, version, updated_by,
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
        )
        .run(entry.pupilId, year.id, cls.id, entry.point, entry.item, entry.level, access.user.id, now, now);
    }
    return {
      pupilId: entry.pupilId,
      item: entry.item,
      cell: { level: entry.level, version: (existing?.version ?? 0) + 1 },
    };
  });
}
