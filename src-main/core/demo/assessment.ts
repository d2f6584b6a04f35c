/**
 * Demo assessment data: every periodic point of the current year whose date has passed is entered for
 * every class — levels, test scores where TT27 prescribes them, a short comment, the GVCN's qualities and
 * competences — so the gradebook, progress board and statistics have a living school to show. The most
 * recent point is still being entered (a few specialist subjects missing); the earlier ones are locked.
 * When the year is over, the year's results are confirmed as the rules propose. Runs once.
 */
import type { Store } from '../../store/open';
import { todayIso } from '../../../src-shared/domain/dates';
import { subjectsForGrade } from '../../../src-shared/domain/subjects';
import {
  PERIODIC_POINTS,
  QUALITY_ITEMS,
  defaultPromotion,
  proposeYearResult,
  requiresTest,
  type PeriodicPoint,
  type QualityLevel,
  type SubjectLevel,
} from '../../../src-shared/domain/tt27';
import { resolveYear } from '../records/years';
import { pointDate } from '../assessment/points';
import { classesOfYear } from '../assessment/scope';
import { rosterAt } from '../assessment/roster';
import { endOfYearOutcomes } from '../assessment/yearResults';
import { pickWeighted, rng } from './random';

const COMMENTS: Record<SubjectLevel, readonly string[]> = {
  T: [
    'Em học tốt, tích cực phát biểu xây dựng bài.',
    'Nắm vững kiến thức, vận dụng linh hoạt.',
    'Chăm chỉ, tiến bộ rõ rệt.',
  ],
  H: [
    'Em hoàn thành các yêu cầu của bài học.',
    'Cần cẩn thận hơn khi làm bài.',
    'Hoàn thành bài, cần tích cực phát biểu hơn.',
  ],
  C: ['Em cần cố gắng nhiều hơn, ôn lại kiến thức cơ bản.', 'Chưa hoàn thành một số yêu cầu, cần luyện thêm.'],
};

/** A pupil's general standing, so their subjects and qualities hang together. */
type Standing = 'strong' | 'middle' | 'weak';

const LEVELS: Record<Standing, readonly (readonly [SubjectLevel, number])[]> = {
  strong: [
    ['T', 85],
    ['H', 15],
  ],
  middle: [
    ['T', 30],
    ['H', 68],
    ['C', 2],
  ],
  weak: [
    ['T', 5],
    ['H', 75],
    ['C', 20],
  ],
};

const QUALITY: Record<Standing, readonly (readonly [QualityLevel, number])[]> = {
  strong: [
    ['T', 90],
    ['D', 10],
  ],
  middle: [
    ['T', 45],
    ['D', 55],
  ],
  weak: [
    ['T', 10],
    ['D', 80],
    ['C', 10],
  ],
};

function scoreFor(level: SubjectLevel, next: () => number): number {
  const [low, high] = level === 'T' ? [8, 10] : level === 'H' ? [5, 8] : [2, 5];
  return low + Math.floor(next() * (high - low + 1));
}

/** Specialist subjects a few classes have not entered yet at the latest point. */
const LATE_SUBJECTS = ['am_nhac', 'mi_thuat', 'gdtc'];

export function seedDemoAssessment(store: Store, now: Date = new Date()): void {
  if (store.statement('SELECT 1 FROM subject_results LIMIT 1').get()) return;
  let year;
  try {
    year = resolveYear(store);
  } catch {
    return;
  }
  const today = todayIso(now);
  const past = PERIODIC_POINTS.filter((p) => pointDate(year, p) < today);
  if (past.length === 0) return;
  const latest = past[past.length - 1]!;
  const principalId = store
    .statement(`SELECT id FROM users WHERE role = 'principal' ORDER BY id LIMIT 1`)
    .pluck()
    .get() as number | undefined;
  const next = rng(20201004);
  const ts = now.getTime();
  const insertSubject = store.statement(
    `INSERT INTO subject_results (pupil_id, school_year_id, class_id, subject, point, level, score, comment, version,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertQuality = store.statement(
    `INSERT INTO quality_results (pupil_id, school_year_id, class_id, point, item, level, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const standings = new Map<number, Standing>();
  const standingOf = (pupilId: number): Standing => {
    let s = standings.get(pupilId);
    if (!s) {
      s = pickWeighted<Standing>(next, [
        ['strong', 30],
        ['middle', 58],
        ['weak', 12],
      ]);
      standings.set(pupilId, s);
    }
    return s;
  };

  store.transaction(() => {
    for (const cls of classesOfYear(store, year.id)) {
      const subjects = subjectsForGrade(cls.grade).filter((s) => !s.elective);
      for (const point of past) {
        const pupils = rosterAt(store, cls, year, point).filter((p) => p.enrolled);
        const late = point === latest && cls.id % 4 === 0 ? LATE_SUBJECTS[cls.id % LATE_SUBJECTS.length] : undefined;
        for (const pupil of pupils) {
          const standing = standingOf(pupil.pupilId);
          for (const s of subjects) {
            if (s.key === late) continue;
            const level = pickWeighted(next, LEVELS[standing]);
            const score = requiresTest(cls.grade, s.key, point) ? scoreFor(level, next) : null;
            const comments = COMMENTS[level];
            const comment = comments[Math.floor(next() * comments.length)]!;
            insertSubject.run(pupil.pupilId, year.id, cls.id, s.key, point, level, score, comment, ts, ts);
          }
          for (const item of QUALITY_ITEMS) {
            insertQuality.run(
              pupil.pupilId,
              year.id,
              cls.id,
              point,
              item.key,
              pickWeighted(next, QUALITY[standing]),
              ts,
              ts,
            );
          }
        }
      }
      if (past.includes('CUOI_NAM')) confirmYear(store, year.id, cls, ts);
    }
    for (const point of past.filter((p) => p !== latest)) lock(store, year.id, point, principalId ?? null, ts);
  });
}

function confirmYear(
  store: Store,
  schoolYearId: number,
  cls: ReturnType<typeof classesOfYear>[number],
  ts: number,
): void {
  const year = resolveYear(store, schoolYearId);
  const ids = rosterAt(store, cls, year, 'CUOI_NAM')
    .filter((p) => p.enrolled)
    .map((p) => p.pupilId);
  const outcomes = endOfYearOutcomes(store, schoolYearId, cls.grade, ids);
  const insert = store.statement(
    `INSERT INTO year_results (pupil_id, school_year_id, class_id, result, awards, promotion, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  for (const id of ids) {
    const o = outcomes.get(id)!;
    const level = proposeYearResult(cls.grade, o.subjects, o.qualities).level;
    if (level === null) continue;
    const awards = level === 'HTXS' ? ['HS_XUAT_SAC'] : [];
    insert.run(id, schoolYearId, cls.id, level, JSON.stringify(awards), defaultPromotion(cls.grade, level), ts, ts);
  }
}

function lock(store: Store, schoolYearId: number, point: PeriodicPoint, userId: number | null, ts: number): void {
  store
    .statement('INSERT INTO assessment_locks (school_year_id, point, locked_by, locked_at) VALUES (?, ?, ?, ?)')
    .run(schoolYearId, point, userId, ts);
}
