import type { lab as vi } from '../vi/lab';

export const lab: Record<keyof typeof vi, string> = {
  'lab.problem.no_stem': 'The question has no text',
  'lab.problem.too_few_options': 'At least {min} options are needed',
  'lab.problem.too_many_options': 'At most {max} options (A–H)',
  'lab.problem.no_correct_answer': 'No correct answer yet',
  'lab.problem.several_correct_in_single': 'A single-answer question with several answers marked correct',
  'lab.problem.empty_option': 'Option {letter} is empty',
  'lab.problem.duplicate_id': 'The id “{id}” is used twice in the question',
  'lab.problem.blank_not_in_passage': 'Blank “{id}” is not in the passage',
  'lab.problem.passage_blank_unknown': 'The passage has blank “{id}” without an answer',
  'lab.problem.unknown_category': 'Element “{id}” is placed in a category that does not exist',
  'lab.problem.bad_tolerance': 'A numeric answer or its tolerance is not valid',
  'lab.problem.no_rubric': 'A practical task needs scoring criteria, each with its points',
  'lab.problem.bad_points': 'Points must be more than 0 and at most 100',
  'lab.problem.no_answer_form': 'No options, true/false statements or “Đáp án:” line found for the question',
  'lab.problem.unsupported_kind': 'Questions of kind “{kind}” are not supported',
  'lab.problem.option_letters_skip': 'Option {expected} is missing ({found} comes next)',
  'lab.problem.unreadable': 'Cannot be read: {reason}',
  'lab.problem.bad_cell': 'Column {column} ({field}): “{value}” is not valid',
  'lab.warning.several_marked': 'Several options are marked correct: read as a multiple-answer question',
  'lab.warning.key_conflict':
    'The answer marked in the question ({marked}) differs from the answer table ({key}): the table was used',
  'lab.warning.all_options_marked': 'Every option is underlined or coloured, so no answer could be told',
  'lab.warning.duplicate_number': 'Question number {number} appears twice',
  'lab.warning.key_for_missing_question': 'The answer table has question {number}, which the test does not',
  'lab.warning.custom_scoring': 'The file scores this item its own way; it will be scored by the rules of its kind',
};
