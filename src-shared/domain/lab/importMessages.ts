/** What an import says about each question, in the user's language (the preview, the CLI, error reports). */
import { t, type Locale } from '../../i18n';
import type { ImportProblem, ImportWarning } from './imports';

const LETTERS = 'ABCDEFGH';

export function describeProblem(locale: Locale, problem: ImportProblem): string {
  switch (problem.code) {
    case 'too_few_options':
      return t(locale, 'lab.problem.too_few_options', { min: problem.min });
    case 'too_many_options':
      return t(locale, 'lab.problem.too_many_options', { max: problem.max });
    case 'empty_option':
      return t(locale, 'lab.problem.empty_option', { letter: LETTERS[problem.index] ?? String(problem.index + 1) });
    case 'duplicate_id':
    case 'blank_not_in_passage':
    case 'passage_blank_unknown':
    case 'unknown_category':
      return t(locale, `lab.problem.${problem.code}`, { id: problem.id });
    case 'unsupported_kind':
      return t(locale, 'lab.problem.unsupported_kind', { kind: problem.kind });
    case 'option_letters_skip':
      return t(locale, 'lab.problem.option_letters_skip', { expected: problem.expected, found: problem.found });
    case 'unreadable':
      return t(locale, 'lab.problem.unreadable', { reason: problem.reason });
    case 'bad_cell':
      return t(locale, 'lab.problem.bad_cell', { column: problem.column, field: problem.field, value: problem.value });
    default:
      return t(locale, `lab.problem.${problem.code}`);
  }
}

export function describeWarning(locale: Locale, warning: ImportWarning): string {
  switch (warning.code) {
    case 'key_conflict':
      return t(locale, 'lab.warning.key_conflict', { marked: warning.marked, key: warning.key });
    case 'duplicate_number':
    case 'key_for_missing_question':
      return t(locale, `lab.warning.${warning.code}`, { number: warning.number });
    default:
      return t(locale, `lab.warning.${warning.code}`);
  }
}
