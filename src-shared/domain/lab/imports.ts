/**
 * What every question-bank importer hands back: the items it could read, in file order, each with the
 * problems that stop it from being saved and the warnings a teacher should look at in the preview. An
 * import saves nothing until every item without problems is confirmed, and nothing at all while any
 * remains (the preview lets the teacher fix or leave out each one).
 */
import type { ItemDraft, ItemProblem } from './items';

export type ImportProblem =
  | ItemProblem
  /** The reader found the question but not what kind it is (no options, no statements, no answer). */
  | { readonly code: 'no_answer_form' }
  /** The file's kind of question has no equivalent here (a Moodle "calculated", a QTI hotspot). */
  | { readonly code: 'unsupported_kind'; readonly kind: string }
  /** Options lettered out of order (A, B, D): one is probably missing or mistyped. */
  | { readonly code: 'option_letters_skip'; readonly expected: string; readonly found: string }
  | { readonly code: 'unreadable'; readonly reason: string }
  /** A spreadsheet cell the reader cannot take: its column letter, the column's name, what it holds. */
  | { readonly code: 'bad_cell'; readonly column: string; readonly field: string; readonly value: string };

export type ImportWarning =
  /** Several options are marked right: read as a multiple-answer question. */
  | { readonly code: 'several_marked' }
  /** The marks in the question and the answer table disagree; the answer table was used. */
  | { readonly code: 'key_conflict'; readonly marked: string; readonly key: string }
  /** Every option carries the same formatting, so none of it marks the answer. */
  | { readonly code: 'all_options_marked' }
  /** A question number appears twice; both are kept, the teacher picks. */
  | { readonly code: 'duplicate_number'; readonly number: number }
  /** The file scores the item its own way; the bank scores it by its kind's rules. */
  | { readonly code: 'custom_scoring' }
  /** The answer table names a question the file does not have. */
  | { readonly code: 'key_for_missing_question'; readonly number: number };

export interface ImportedItem {
  /** The question as the file names it, for messages: "Câu 3". */
  readonly label: string;
  /** Its number in the file (1-based position when the format has none). */
  readonly number: number;
  /** The item as read; null when nothing usable could be built. */
  readonly draft: ItemDraft | null;
  readonly problems: readonly ImportProblem[];
  readonly warnings: readonly ImportWarning[];
  /** Media keys the item's texts use as `import:KEY`, replaced by `media:ID` once the files are stored. */
  readonly media: readonly string[];
}

export interface ImportReading {
  readonly items: readonly ImportedItem[];
  /** Problems of the file as a whole (an answer table naming question 40 in a 30-question test). */
  readonly warnings: readonly ImportWarning[];
}
