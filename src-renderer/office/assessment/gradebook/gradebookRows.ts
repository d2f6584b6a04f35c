/**
 * The gradebook sheet's rows as data: the text of each cell as the teacher committed it, what is wrong
 * with it (checked here at once, with the same rules the server applies), and what of the row can be
 * sent. No React here, so the rules read in one place.
 */
import type { GradebookRow, GradebookView } from '../../../../src-shared/api/assessment';
import { MAX_SCORE, parseSubjectLevel, type SubjectLevel } from '../../../../src-shared/domain/tt27';
import type { Translate } from '../../../i18n/LocaleContext';
import { levelLabel } from '../labels';

export type GradeColumn = 'score' | 'level' | 'retest' | 'comment';
export type Texts = Record<GradeColumn, string>;
export type RowStatus = 'idle' | 'saving' | 'saved' | 'error';

export const COMMENT_MAX = 500;

export interface GradeRow {
  /** What the server holds. */
  saved: GradebookRow;
  texts: Texts;
  status: RowStatus;
  /** The server's answer to the last save when it refused it (conflict, rule), in its words. */
  message: string | null;
}

export interface GradeValues {
  level: SubjectLevel | null;
  score: number | null;
  retestScore: number | null;
  comment: string;
}

/** The context the rules need: whether the point is tested, the lowest score, the subject's name. */
export interface GradeRules {
  tested: boolean;
  minScore: number;
  subjectName: string;
}

export function rulesOf(view: GradebookView): GradeRules {
  return { tested: view.tested, minScore: view.rules.minScore, subjectName: view.subjectName };
}

export function textsOf(row: GradebookRow): Texts {
  return {
    score: row.score === null ? '' : String(row.score),
    level: row.level ?? '',
    retest: row.retestScore === null ? '' : String(row.retestScore),
    comment: row.comment,
  };
}

export function initialRows(view: GradebookView): GradeRow[] {
  return view.rows.map((saved) => ({ saved, texts: textsOf(saved), status: 'idle', message: null }));
}

/** A level as the teacher types it is kept as its code once it reads as one ("hoàn thành tốt" → "T"). */
export function normaliseText(column: GradeColumn, text: string): string {
  if (column === 'level') return parseSubjectLevel(text) ?? text.trim();
  if (column === 'comment') return text.normalize('NFC');
  return text.trim();
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function parseScore(text: string, rules: GradeRules, t: Translate): Parsed<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (/^\d+$/.test(trimmed)) {
    const value = Number(trimmed);
    if (value < rules.minScore || value > MAX_SCORE) {
      return { ok: false, message: t('assessment.score.range', { min: rules.minScore }) };
    }
    return { ok: true, value };
  }
  if (/^\d+[.,]\d+$/.test(trimmed)) return { ok: false, message: t('assessment.score.notInteger') };
  return { ok: false, message: t('assessmentUi.grid.scoreNotNumber', { text: trimmed, min: rules.minScore }) };
}

export interface Checked {
  problems: Partial<Record<GradeColumn, string>>;
  /** The values to send: each field as typed when it is valid, else as the server holds it; null when
   * even so the row breaks a rule (a level without its test score). */
  values: GradeValues | null;
}

export function checkRow(row: GradeRow, rules: GradeRules, t: Translate): Checked {
  const problems: Partial<Record<GradeColumn, string>> = {};
  const { saved, texts } = row;

  let score: number | null = saved.score;
  let retestScore: number | null = saved.retestScore;
  if (rules.tested) {
    const s = parseScore(texts.score, rules, t);
    if (s.ok) score = s.value;
    else problems.score = s.message;
    const r = parseScore(texts.retest, rules, t);
    if (r.ok) retestScore = r.value;
    else problems.retest = r.message;
  }

  let level: SubjectLevel | null = saved.level;
  const levelText = texts.level.trim();
  if (levelText === '') level = null;
  else {
    const parsed = parseSubjectLevel(levelText);
    if (parsed) level = parsed;
    else problems.level = t('assessmentUi.grid.levelInvalid', { text: levelText });
  }

  let comment = saved.comment;
  if (texts.comment.trim().length > COMMENT_MAX)
    problems.comment = t('assessmentUi.grid.commentTooLong', { max: COMMENT_MAX });
  else comment = texts.comment.trim().normalize('NFC');

  // The rules across cells, on what would be sent.
  let sendable = true;
  if (rules.tested && level !== null && score === null) {
    problems.level ??= t('assessment.level.needsScore', { subject: rules.subjectName });
    sendable = false;
  }
  if (rules.tested && retestScore !== null && score === null) {
    problems.retest ??= t('assessment.retest.needsScore');
    sendable = false;
  }
  return { problems, values: sendable ? { level, score, retestScore, comment } : null };
}

export function sameValues(values: GradeValues, row: GradebookRow): boolean {
  return (
    values.level === row.level &&
    values.score === row.score &&
    values.retestScore === row.retestScore &&
    values.comment === row.comment
  );
}

export function levelHint(text: string, t: Translate): string | undefined {
  const level = parseSubjectLevel(text);
  return level ? levelLabel(t, level) : undefined;
}

/**
 * Whether leaving would lose something of the row: a save under way, or text typed that the server
 * does not hold (not valid, or not yet or not successfully sent). A problem with a value already
 * stored is no unsaved work.
 */
export function rowUnsaved(row: GradeRow, rules: GradeRules, t: Translate): boolean {
  if (row.status === 'saving') return true;
  const stored = textsOf(row.saved);
  const changed = (Object.keys(stored) as GradeColumn[]).filter((c) => row.texts[c] !== stored[c]);
  if (changed.length === 0) return false;
  const { problems, values } = checkRow(row, rules, t);
  return values === null || !sameValues(values, row.saved) || changed.some((c) => problems[c] !== undefined);
}
