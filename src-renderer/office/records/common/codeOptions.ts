/**
 * The sector database's code lists as select options. Records keep the codes; people choose and read
 * the names, and may type either to find one.
 */
import type { Code } from '../../../../src-shared/domain/codeLists';
import { foldForSearch } from '../../../../src-shared/domain/vnName';

export interface CodeOption {
  value: string;
  label: string;
}

export function codeOptions(list: readonly Code[]): CodeOption[] {
  return list.map((c) => ({ value: c.code, label: c.name }));
}

/** For showSearch selects: matches the name without diacritics, or the code. */
export function filterByLabel(input: string, option?: { label?: unknown; value?: unknown }): boolean {
  if (!option) return false;
  const query = foldForSearch(input);
  return foldForSearch(String(option.label ?? '')).includes(query) || String(option.value ?? '') === input.trim();
}
