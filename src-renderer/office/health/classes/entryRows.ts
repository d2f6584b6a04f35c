/**
 * The entry grid's rows as data: what each row holds while the nurse types (text as typed), how that
 * text becomes a check to send, and what BMI and band it shows before it is saved. No React here, so
 * the rules read in one place.
 */
import type { CheckView, ClassCheckRow } from '../../../../src-shared/api/health';
import { normalizeVision, VISION_PATTERN } from '../../../../src-shared/api/health';
import {
  growthOf,
  heightProblem,
  parseMeasurement,
  weightProblem,
  type GrowthResult,
} from '../../../../src-shared/domain/growth';
import type { Locale } from '../../../../src-shared/i18n';
import type { Translate } from '../../../i18n/LocaleContext';
import { formatMeasure, measureDraft } from '../labels';

export const GRID_COLUMNS = ['heightCm', 'weightKg', 'visionLeft', 'visionRight'] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];
export type Draft = Record<GridColumn, string>;
export type RowStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

export interface EntryRow {
  pupil: ClassCheckRow['pupil'];
  /** The pupil's check of the chosen day, once there is one: saving again corrects it. */
  check: CheckView | null;
  /** The newest check of the year before (or other than) the chosen day: shown as a hint. */
  previous: CheckView | null;
  draft: Draft;
  status: RowStatus;
  error: { field: GridColumn | null; message: string } | null;
}

export interface ParsedDraft {
  heightCm: number | null;
  weightKg: number | null;
  visionLeft: string;
  visionRight: string;
}

const EMPTY: Draft = { heightCm: '', weightKg: '', visionLeft: '', visionRight: '' };

export function draftOf(check: CheckView | null, locale: Locale): Draft {
  if (!check) return EMPTY;
  return {
    heightCm: measureDraft(check.heightCm, locale),
    weightKg: measureDraft(check.weightKg, locale),
    visionLeft: check.visionLeft,
    visionRight: check.visionRight,
  };
}

export function initialRows(rows: ClassCheckRow[], date: string, locale: Locale): EntryRow[] {
  return rows.map(({ pupil, latest }) => {
    const today = latest?.date === date ? latest : null;
    return {
      pupil,
      check: today,
      previous: today ? null : latest,
      draft: draftOf(today, locale),
      status: today ? 'saved' : 'idle',
      error: null,
    };
  });
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return GRID_COLUMNS.every((c) => a[c] === b[c]);
}

export function isBlank(draft: Draft): boolean {
  return GRID_COLUMNS.every((c) => draft[c].trim() === '');
}

type Parsed = { ok: true; value: ParsedDraft } | { ok: false; field: GridColumn; message: string };

function measurement(
  text: string,
  field: 'heightCm' | 'weightKg',
  t: Translate,
): { ok: true; value: number | null } | { ok: false; field: GridColumn; message: string } {
  const value = parseMeasurement(text);
  if (value === null) return { ok: true, value };
  const name = t(field === 'heightCm' ? 'health.grid.height' : 'health.grid.weight');
  if (Number.isNaN(value)) return { ok: false, field, message: t('health.grid.notNumber', { field: name }) };
  const problem = field === 'heightCm' ? heightProblem(value) : weightProblem(value);
  return problem ? { ok: false, field, message: t(problem) } : { ok: true, value };
}

/** The draft as the server takes it, or the first problem, named by its column. */
export function parseDraft(draft: Draft, t: Translate): Parsed {
  const height = measurement(draft.heightCm, 'heightCm', t);
  if (!height.ok) return height;
  const weight = measurement(draft.weightKg, 'weightKg', t);
  if (!weight.ok) return weight;
  const vision: Partial<Record<GridColumn, string>> = {};
  for (const field of ['visionLeft', 'visionRight'] as const) {
    const value = normalizeVision(draft[field]);
    if (value !== '' && !VISION_PATTERN.test(value)) {
      return { ok: false, field, message: t('health.validation.vision') };
    }
    vision[field] = value;
  }
  return {
    ok: true,
    value: {
      heightCm: height.value,
      weightKg: weight.value,
      visionLeft: vision.visionLeft ?? '',
      visionRight: vision.visionRight ?? '',
    },
  };
}

/** BMI, z and band of what is typed so far, when height and weight both read as plausible numbers. */
export function previewGrowth(row: EntryRow, date: string): GrowthResult | null {
  const height = parseMeasurement(row.draft.heightCm);
  const weight = parseMeasurement(row.draft.weightKg);
  if (height === null || weight === null || Number.isNaN(height) || Number.isNaN(weight)) return null;
  if (heightProblem(height) || weightProblem(weight)) return null;
  return growthOf(row.pupil, date, height, weight);
}

/** The server's name for a field → the grid's column, when the grid has it. */
export function columnOf(field: string | undefined): GridColumn | null {
  return (GRID_COLUMNS as readonly string[]).includes(field ?? '') ? (field as GridColumn) : null;
}

/** What the pupil measured last time in a column, as a hint in the empty cell. */
export function previousValue(previous: CheckView | null, column: GridColumn, locale: Locale): string {
  if (!previous) return '';
  return column === 'heightCm' || column === 'weightKg' ? formatMeasure(previous[column], locale) : previous[column];
}
