/**
 * Year-end promotion (lên lớp): every pupil still at the school at the end of a year goes up a grade,
 * repeats it, or — in grade 5 — completes primary school. The classes of the next year are created
 * as needed (same letter, next grade). Until the assessment capability proposes each pupil's result,
 * the clerk decides per pupil; the defaults are promotion, and completion in grade 5.
 */
import { AppError } from '../../errors';
import type { Store } from '../../store/open';
import type { SessionUser } from '../context';
import { resolveYear, type YearRow } from './years';
import { isPresent, STUDYING } from '../../../src-shared/domain/pupilStatus';
import { compareVietnameseNames } from '../../../src-shared/domain/vnName';

import type {
  PromotionDecision as Decision,
  PromotionPreviewView as PromotionPreview,
} from '../../../src-shared/api/records';

/** "3A" in grade 3 becomes "4A"; a name that does not start with its grade keeps its suffix. */
export function nextClassName(name: string, grade: number): string {
  const suffix = name.startsWith(String(grade)) ? name.slice(String(grade).length) : name;
  return `${grade + 1}${suffix}`;
}

function years(store: Store, fromYearId: number, toYearId: number): { from: YearRow; to: YearRow } {
  const from = resolveYear(store, fromYearId);
  const to = resolveYear(store, toYearId);
  if (to.startDate <= from.endDate) {
    throw new AppError(
      'rule_violation',
      'records.promotion_year_order',
      { from: from.name, to: to.name },
      { field: 'toYearId' },
    );
  }
  return { from, to };
}

interface MemberRow {
  pupil_id: number;
  full_name: string;
  sex: 'male' | 'female';
  status: string;
  class_id: number;
  class_name: string;
  grade: number;
}

/** Pupils at the school at the end of the year, by class: those with an open place in it. */
function members(store: Store, yearId: number): MemberRow[] {
  return store
    .statement(
      `SELECT p.id AS pupil_id, p.full_name, p.sex, p.status, c.id AS class_id, c.name AS class_name, c.grade
       FROM enrolments e JOIN pupils p ON p.id = e.pupil_id JOIN classes c ON c.id = e.class_id
       WHERE e.school_year_id = ? AND e.end_date IS NULL
       ORDER BY c.grade, c.name, p.sort_key`,
    )
    .all(yearId) as MemberRow[];
}

export function previewPromotion(store: Store, fromYearId: number, toYearId: number): PromotionPreview {
  const { from, to } = years(store, fromYearId, toYearId);
  const classes = new Map<number, PromotionPreview['classes'][number]>();
  for (const m of members(store, from.id)) {
    if (!isPresent(m.status)) continue;
    let cls = classes.get(m.class_id);
    if (!cls) {
      cls = {
        classId: m.class_id,
        name: m.class_name,
        grade: m.grade,
        nextName: m.grade < 5 ? nextClassName(m.class_name, m.grade) : '',
        pupils: [],
      };
      classes.set(m.class_id, cls);
    }
    cls.pupils.push({
      pupilId: m.pupil_id,
      fullName: m.full_name,
      sex: m.sex,
      decision: m.grade === 5 ? 'complete' : 'promote',
    });
  }
  const alreadyPlaced = store
    .statement('SELECT count(DISTINCT pupil_id) FROM enrolments WHERE school_year_id = ?')
    .pluck()
    .get(to.id) as number;
  for (const cls of classes.values()) cls.pupils.sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
  return {
    fromYear: { id: from.id, name: from.name },
    toYear: { id: to.id, name: to.name },
    classes: [...classes.values()],
    alreadyPlaced,
  };
}

export interface PromotionOutcome {
  promoted: number;
  repeated: number;
  completed: number;
  classesCreated: string[];
}

/**
 * Runs the promotion in one transaction. Every pupil at the school at the end of the year needs a
 * decision; a pupil already placed in the next year is refused (the promotion ran before).
 */
export function runPromotion(
  store: Store,
  actor: SessionUser | null,
  input: { fromYearId: number; toYearId: number; decisions: { pupilId: number; decision: Decision }[] },
): PromotionOutcome {
  return store.transaction(() => {
    const preview = previewPromotion(store, input.fromYearId, input.toYearId);
    const { from, to } = years(store, input.fromYearId, input.toYearId);
    const byPupil = new Map(input.decisions.map((d) => [d.pupilId, d.decision]));
    const outcome: PromotionOutcome = { promoted: 0, repeated: 0, completed: 0, classesCreated: [] };
    const now = Date.now();
    const classIds = new Map<string, number>(
      (
        store.statement('SELECT id, name FROM classes WHERE school_year_id = ?').all(to.id) as {
          id: number;
          name: string;
        }[]
      ).map((c) => [c.name.toUpperCase(), c.id]),
    );
    const classIn = (name: string, grade: number, sessionsPerDay: number): number => {
      const existing = classIds.get(name.toUpperCase());
      if (existing) return existing;
      const id = store
        .statement(
          'INSERT INTO classes (school_year_id, grade, name, sessions_per_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(to.id, grade, name, sessionsPerDay, now, now).lastInsertRowid as number;
      classIds.set(name.toUpperCase(), id);
      outcome.classesCreated.push(name);
      return id;
    };
    const sessions = new Map(
      (
        store.statement('SELECT id, sessions_per_day FROM classes WHERE school_year_id = ?').all(from.id) as {
          id: number;
          sessions_per_day: number;
        }[]
      ).map((c) => [c.id, c.sessions_per_day]),
    );
    const placedNext = store.statement('SELECT 1 FROM enrolments WHERE pupil_id = ? AND school_year_id = ?');
    const close = store.statement(
      `UPDATE enrolments SET end_date = ?, exit = 'completed' WHERE pupil_id = ? AND school_year_id = ? AND end_date IS NULL`,
    );
    const enrol = store.statement(
      'INSERT INTO enrolments (pupil_id, class_id, school_year_id, start_date, entry, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const event = store.statement(
      `INSERT INTO pupil_events (pupil_id, school_year_id, date, kind, status, place, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const setStatus = store.statement(
      'UPDATE pupils SET status = ?, status_date = ?, updated_at = ?, version = version + 1 WHERE id = ?',
    );

    for (const cls of preview.classes) {
      for (const pupil of cls.pupils) {
        const decision = byPupil.get(pupil.pupilId);
        if (!decision)
          throw new AppError(
            'invalid_input',
            'records.promotion_missing',
            { name: pupil.fullName, className: cls.name },
            { field: 'decisions' },
          );
        if (placedNext.get(pupil.pupilId, to.id)) {
          throw new AppError('rule_violation', 'records.promotion_already_placed', {
            name: pupil.fullName,
            year: to.name,
          });
        }
        if ((decision === 'promote' && cls.grade === 5) || (decision === 'complete' && cls.grade < 5)) {
          throw new AppError('rule_violation', `records.promotion_${decision}_grade`, {
            name: pupil.fullName,
            className: cls.name,
          });
        }
        close.run(from.endDate, pupil.pupilId, from.id);
        const by = actor?.id ?? null;
        if (decision === 'promote' || decision === 'repeat') {
          const grade = decision === 'promote' ? cls.grade + 1 : cls.grade;
          const name = decision === 'promote' ? cls.nextName : cls.name;
          const classId = classIn(name, grade, sessions.get(cls.classId) ?? 2);
          enrol.run(pupil.pupilId, classId, to.id, to.startDate, decision === 'promote' ? 'promoted' : 'repeat', now);
          event.run(
            pupil.pupilId,
            to.id,
            to.startDate,
            decision === 'promote' ? 'promoted' : 'repeated',
            STUDYING,
            name,
            by,
            now,
          );
          setStatus.run(STUDYING, to.startDate, now, pupil.pupilId);
          if (decision === 'promote') outcome.promoted++;
          else outcome.repeated++;
        } else {
          // Hoàn thành chương trình tiểu học: the pupil's last place closes; there is none next year.
          event.run(pupil.pupilId, from.id, from.endDate, 'completed', STUDYING, cls.name, by, now);
          outcome.completed++;
        }
      }
    }
    return outcome;
  });
}
