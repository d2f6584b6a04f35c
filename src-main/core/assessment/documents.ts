/**
 * The printed assessment documents: what the học bạ and the class summary sheet show, gathered from the
 * store, and the jobs that render them in worker threads into the file store.
 */
import { setMaxListeners } from 'node:events';
import type { Store } from '../../store/open';
import type { AppContext } from '../context';
import { AppError } from '../../errors';
import { t, type Locale } from '../../../src-shared/i18n';
import { resolveYear, type YearRow } from '../records/years';
import { getProfile } from '../school/service';
import { codeName, ETHNICITIES } from '../../../src-shared/domain/codeLists';
import { fileSlug } from '../../../src-shared/domain/vnName';
import { todayIso } from '../../../src-shared/domain/dates';
import { subjectName, subjectsForGrade } from '../../../src-shared/domain/subjects';
import {
  AWARD_LABELS,
  POINT_LABELS,
  PROMOTION_LABELS,
  QUALITY_ITEMS,
  completesGrade,
  requiresTest,
  type Award,
  type PeriodicPoint,
  type QualityLevel,
  type SubjectLevel,
} from '../../../src-shared/domain/tt27';
import type { ClassSummaryDoc, HocBaDoc, SchoolHeader, SummaryRow } from './print/types';
import type { FileResult, HocbaBatchResult } from '../../../src-shared/api/assessment';
import { assertCanSeeClass, classesOfYear, loadClass, type AssessmentAccess, type ClassInfo } from './scope';
import { readRules } from './points';
import { rosterAt } from './roster';
import { confirmedResults, endOfYearOutcomes } from './yearResults';
import type { RunOptions } from '../../workers/pool';

const PDF_MIME = 'application/pdf';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function schoolHeader(store: Store): SchoolHeader {
  const p = getProfile(store);
  return {
    educationOffice: p.educationOffice,
    name: p.name,
    place: p.ward || p.province,
    principalName: p.principalName,
  };
}

function fileName(ext: string, ...parts: string[]): string {
  return `${fileSlug(...parts)}.${ext}`;
}

interface PupilDb {
  id: number;
  fullName: string;
  sex: 'male' | 'female';
  birthDate: string;
  birthPlace: string;
  ethnicity: string;
  nationality: string;
  address: string;
  sectorId: string | null;
  personalId: string | null;
}

function pupilsById(store: Store, ids: readonly number[]): Map<number, PupilDb> {
  const rows = store
    .statement(
      `SELECT id, full_name AS fullName, sex, birth_date AS birthDate, birth_place AS birthPlace, ethnicity, nationality,
              address, sector_id AS sectorId, personal_id AS personalId
       FROM pupils WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as PupilDb[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The học bạ pages of a class's pupils (those in it at the end of the year, or only the given ones). */
/**
 * The date written above the signatures: the end of the period the document reports on, but never a day
 * after it is printed (a học bạ printed in December is not dated the coming 31 May).
 */
export function signingDate(periodEnd: string, printedOn: string): string {
  return periodEnd < printedOn ? periodEnd : printedOn;
}

/** `printedOn`: the day of printing (ISO), from the caller, so that the same input prints the same date. */
export function hocBaDocs(
  store: Store,
  cls: ClassInfo,
  year: YearRow,
  onlyPupil?: number,
  printedOn: string = todayIso(),
): HocBaDoc[] {
  const school = schoolHeader(store);
  const roster = rosterAt(store, cls, year, 'CUOI_NAM').filter(
    (p) => p.enrolled && (onlyPupil === undefined || p.pupilId === onlyPupil),
  );
  const ids = roster.map((p) => p.pupilId);
  const outcomes = endOfYearOutcomes(store, year.id, cls.grade, ids);
  const confirmed = confirmedResults(store, year.id, ids);
  const pupils = pupilsById(store, ids);
  return roster.map((r) => {
    const p = pupils.get(r.pupilId)!;
    const o = outcomes.get(r.pupilId)!;
    const c = confirmed.get(r.pupilId);
    const levels = new Map(o.qualities.map((q) => [q.item, q.level]));
    const result = c?.result ?? null;
    const completion =
      result === null
        ? ''
        : completesGrade(result)
          ? cls.grade >= 5
            ? 'Hoàn thành chương trình tiểu học'
            : `Hoàn thành chương trình lớp ${cls.grade}`
          : `Chưa hoàn thành chương trình lớp ${cls.grade}`;
    const promotion = c?.promotion && c.promotion !== 'completed_primary' ? PROMOTION_LABELS[c.promotion] : '';
    return {
      school,
      yearName: year.name,
      pupil: {
        fullName: p.fullName,
        sex: p.sex,
        birthDate: p.birthDate,
        birthPlace: p.birthPlace,
        ethnicity: codeName(ETHNICITIES, p.ethnicity),
        nationality: p.nationality === 'VN' ? 'Việt Nam' : p.nationality,
        address: p.address,
        sectorId: p.sectorId ?? '',
        personalId: p.personalId ?? '',
        className: cls.name,
        grade: cls.grade,
      },
      homeroomTeacher: cls.homeroomName ?? '',
      subjects: o.subjects.map((s) => ({
        name: subjectName(s.subject),
        level: s.level,
        score: s.score,
        comment: o.comments.get(s.subject) ?? '',
      })),
      qualities: QUALITY_ITEMS.map((q) => ({ name: q.name, group: q.group, level: levels.get(q.key) ?? null })),
      result,
      awards: c ? (JSON.parse(c.awards) as Award[]).map((a) => AWARD_LABELS[a]) : [],
      completion,
      promotion,
      comment: c?.comment ?? '',
      date: signingDate(year.endDate, printedOn),
    };
  });
}

export function classSummaryDoc(
  store: Store,
  cls: ClassInfo,
  year: YearRow,
  point: PeriodicPoint,
  printedOn: string = todayIso(),
): ClassSummaryDoc {
  const rules = readRules(store);
  const endOfYear = point === 'CUOI_NAM';
  const roster = rosterAt(store, cls, year, point).filter((p) => p.enrolled);
  const ids = JSON.stringify(roster.map((p) => p.pupilId));
  const subjects = subjectsForGrade(cls.grade)
    .filter((s) => !s.elective)
    .map((s) => ({ key: s.key, name: s.name, tested: requiresTest(cls.grade, s.key, point, rules) }));
  const subjectRows = store
    .statement(
      `SELECT pupil_id AS pupilId, subject, level, COALESCE(retest_score, score) AS score FROM subject_results
       WHERE school_year_id = ? AND point = ? AND pupil_id IN (SELECT value FROM json_each(?))`,
    )
    .all(year.id, point, ids) as {
    pupilId: number;
    subject: string;
    level: SubjectLevel | null;
    score: number | null;
  }[];
  const qualityRows = store
    .statement(
      `SELECT pupil_id AS pupilId, item, level FROM quality_results
       WHERE school_year_id = ? AND point = ? AND pupil_id IN (SELECT value FROM json_each(?))`,
    )
    .all(year.id, point, ids) as { pupilId: number; item: string; level: QualityLevel | null }[];
  const confirmed = endOfYear
    ? confirmedResults(
        store,
        year.id,
        roster.map((p) => p.pupilId),
      )
    : new Map();
  const rows: SummaryRow[] = roster.map((p, i) => {
    const mine = subjectRows.filter((r) => r.pupilId === p.pupilId);
    const c = confirmed.get(p.pupilId);
    return {
      no: i + 1,
      fullName: p.fullName,
      sex: p.sex,
      subjects: Object.fromEntries(mine.map((r) => [r.subject, { level: r.level, score: r.score }])),
      qualities: Object.fromEntries(qualityRows.filter((q) => q.pupilId === p.pupilId).map((q) => [q.item, q.level])),
      result: c?.result ?? null,
      awards: c ? (JSON.parse(c.awards) as Award[]).map((a) => AWARD_LABELS[a]) : [],
    };
  });
  return {
    school: schoolHeader(store),
    yearName: year.name,
    className: cls.name,
    grade: cls.grade,
    pointLabel: POINT_LABELS[point],
    endOfYear,
    homeroomTeacher: cls.homeroomName ?? '',
    subjects,
    qualityItems: QUALITY_ITEMS,
    rows,
    date: signingDate(point === 'CUOI_HK1' || point === 'GIUA_HK1' ? year.term1End : year.endDate, printedOn),
  };
}

export function exportClassSummary(
  app: AppContext,
  access: AssessmentAccess,
  locale: Locale,
  classId: number,
  point: PeriodicPoint,
  format: 'xlsx' | 'pdf',
  printedOn: string,
): { jobId: string } {
  const cls = loadClass(app.store, classId);
  assertCanSeeClass(app.store, access, cls);
  const year = resolveYear(app.store, cls.schoolYearId);
  const job = app.jobs.start(`assessment.summary.${format}`, access.user.id, async (handle): Promise<FileResult> => {
    const doc = classSummaryDoc(app.store, cls, year, point, printedOn);
    handle.progress(0, 1, t(locale, 'assessment.summary.writing'));
    const run = { signal: handle.signal };
    const bytes =
      format === 'xlsx'
        ? await app.workers.run('xlsx.classSummary', doc, run)
        : await app.workers.run('pdf.classSummary', doc, run);
    const file = app.files.put(Buffer.from(bytes), {
      name: fileName(format, 'bang-tong-hop', cls.name, POINT_LABELS[point], year.name),
      mime: format === 'xlsx' ? XLSX_MIME : PDF_MIME,
      createdBy: access.user.id,
    });
    handle.progress(1, 1);
    return { fileId: file.id, name: file.name };
  });
  return { jobId: job.id };
}

export async function renderHocBa(app: AppContext, docs: HocBaDoc[], options?: RunOptions): Promise<Buffer> {
  return Buffer.from(await app.workers.run('pdf.hocba', { docs }, options));
}

/** The pupil's class in a year: the one they were in at the end of it, else the last one. */
function classOfPupil(store: Store, pupilId: number, schoolYearId: number): ClassInfo {
  const classId = store
    .statement(
      `SELECT class_id FROM enrolments WHERE pupil_id = ? AND school_year_id = ?
       ORDER BY (end_date IS NULL OR exit = 'completed') DESC, start_date DESC LIMIT 1`,
    )
    .pluck()
    .get(pupilId, schoolYearId) as number | undefined;
  if (classId === undefined) throw new AppError('not_found', 'assessment.pupilNotFound', {}, { field: 'pupilId' });
  return loadClass(store, classId);
}

export function exportPupilHocBa(
  app: AppContext,
  access: AssessmentAccess,
  pupilId: number,
  schoolYearId: number | undefined,
  printedOn: string,
): { jobId: string } {
  const year = resolveYear(app.store, schoolYearId);
  const cls = classOfPupil(app.store, pupilId, year.id);
  assertCanSeeClass(app.store, access, cls);
  const job = app.jobs.start('assessment.hocba', access.user.id, async (handle): Promise<FileResult> => {
    const docs = hocBaDocs(app.store, cls, year, pupilId, printedOn);
    if (docs.length === 0) throw new AppError('rule_violation', 'assessment.noPupils');
    const bytes = await renderHocBa(app, docs, { signal: handle.signal });
    const file = app.files.put(bytes, {
      name: fileName('pdf', 'hoc-ba', docs[0]!.pupil.fullName, cls.name, year.name),
      mime: PDF_MIME,
      createdBy: access.user.id,
    });
    handle.progress(1, 1);
    return { fileId: file.id, name: file.name };
  });
  return { jobId: job.id };
}

/**
 * A class, or every class of the year the user may see: one combined PDF per class, ready to print.
 * Classes render in parallel on the worker pool. The files are kept only when every class is rendered:
 * a cancelled or failed batch leaves nothing half done in the file store. A cancel stops the batch
 * between pupils: classes still waiting for a worker are dropped, the ones being rendered stop after
 * their current pupil.
 */
export function exportHocBaBatch(
  app: AppContext,
  access: AssessmentAccess,
  locale: Locale,
  input: { schoolYearId?: number; classId?: number },
  printedOn: string,
): { jobId: string } {
  const store = app.store;
  const year = resolveYear(
    store,
    input.classId === undefined ? input.schoolYearId : loadClass(store, input.classId).schoolYearId,
  );
  const classes =
    input.classId === undefined
      ? classesOfYear(store, year.id).filter((c) => {
          try {
            assertCanSeeClass(store, access, c);
            return true;
          } catch {
            return false;
          }
        })
      : [loadClass(store, input.classId)];
  for (const c of classes) assertCanSeeClass(store, access, c);
  const job = app.jobs.start('assessment.hocba.batch', access.user.id, async (handle): Promise<HocbaBatchResult> => {
    const work: { cls: ClassInfo; docs: HocBaDoc[] }[] = [];
    for (const cls of classes) {
      handle.throwIfCancelled();
      const docs = hocBaDocs(store, cls, year, undefined, printedOn);
      if (docs.length > 0) work.push({ cls, docs });
      // One class's reads at a time, so other requests are answered between them.
      await new Promise((r) => setImmediate(r));
    }
    const total = work.reduce((n, w) => n + w.docs.length, 0);
    if (total === 0) throw new AppError('rule_violation', 'assessment.noPupils');
    const doneByClass = work.map(() => 0);
    const report = () => {
      const done = doneByClass.reduce((a, b) => a + b, 0);
      handle.progress(done, total, t(locale, 'assessment.hocba.writing', { done, total }));
    };
    report();
    // The first class that fails stops the others: the batch has failed either way.
    const stop = new AbortController();
    const signal = AbortSignal.any([handle.signal, stop.signal]);
    // Each class's task listens to it; a school has more classes than the default warning allows.
    setMaxListeners(work.length + 1, signal);
    const rendered = await Promise.allSettled(
      work.map(({ docs }, i) =>
        renderHocBa(app, docs, {
          signal,
          onProgress: (done) => {
            doneByClass[i] = done;
            report();
          },
        }).catch((e: unknown) => {
          stop.abort();
          throw e;
        }),
      ),
    );
    handle.throwIfCancelled();
    const failed = rendered.find((r) => r.status === 'rejected' && !isCancelled(r.reason));
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const files = work.map(({ cls, docs }, i) => {
      const file = app.files.put((rendered[i] as PromiseFulfilledResult<Buffer>).value, {
        name: fileName('pdf', 'hoc-ba', 'lop', cls.name, year.name),
        mime: PDF_MIME,
        createdBy: access.user.id,
      });
      return { fileId: file.id, name: file.name, className: cls.name, pupils: docs.length };
    });
    return { files, pupils: total };
  });
  return { jobId: job.id };
}

function isCancelled(e: unknown): boolean {
  return e instanceof AppError && e.key === 'jobs.cancelled';
}
