/**
 * The column → field choices of an import, as the clerk makes them: one field per column at most,
 * and a field is taken from one column only (the server refuses a field mapped twice).
 */
import type { ImportPreviewView } from '../../../../src-shared/api/records';

/** Column index (1-based) → field key; a column left out is not imported. */
export type ColumnChoices = Record<number, string | undefined>;

export function suggestedChoices(preview: ImportPreviewView): ColumnChoices {
  const choices: ColumnChoices = {};
  for (const column of preview.columns) if (column.field) choices[column.index] = column.field;
  return choices;
}

/** What records.import.run takes: field key → column index. */
export function fieldMap(choices: ColumnChoices): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const [index, field] of Object.entries(choices)) if (field) fields[field] = Number(index);
  return fields;
}

/** The fields chosen for more than one column, each with those columns' indexes. */
export function duplicateFields(choices: ColumnChoices): Map<string, number[]> {
  const byField = new Map<string, number[]>();
  for (const [index, field] of Object.entries(choices)) {
    if (!field) continue;
    byField.set(field, [...(byField.get(field) ?? []), Number(index)]);
  }
  return new Map([...byField].filter(([, columns]) => columns.length > 1));
}

export function missingRequired(preview: ImportPreviewView, choices: ColumnChoices): { key: string; label: string }[] {
  const chosen = new Set(Object.values(choices).filter(Boolean));
  return preview.fields.filter((f) => f.required && !chosen.has(f.key));
}
