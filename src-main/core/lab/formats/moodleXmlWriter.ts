/**
 * Bank items written as a Moodle XML file that Moodle's question bank imports (qformat_xml), so a
 * school's items can move to Moodle and back. Kinds Moodle has are written whole; what Moodle cannot
 * hold is said per item in the export's warnings (the Đúng/Sai grid and drag-to-category have no core
 * Moodle type; options kept in place and the rule that ignores diacritics have no Moodle field).
 */
import type { ItemDraft, ItemLevel } from '../../../../src-shared/domain/lab/items';
import { escapeHtml, itemPlainText } from '../richText';

export interface MoodleExportItem {
  readonly name: string;
  readonly topic: string | null;
  readonly level: ItemLevel | null;
  readonly draft: ItemDraft;
}

export type MoodleExportWarning =
  | { readonly item: number; readonly code: 'kind_not_in_moodle'; readonly kind: string }
  | { readonly item: number; readonly code: 'fixed_options_lost' }
  | { readonly item: number; readonly code: 'diacritics_rule_lost' };

export interface MediaFile {
  readonly name: string;
  readonly data: Buffer;
}

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const plain = (s: string) => `<text>${escapeHtml(s)}</text>`;

/** A text and its pictures: media:ID → @@PLUGINFILE@@/name, each file carried beside the text. */
function textWithFiles(html: string, media: (id: number) => MediaFile | null): string {
  const files = new Map<string, MediaFile>();
  const text = html.replace(/src="media:(\d+)"/g, (all, id: string) => {
    const file = media(Number(id));
    if (!file) return all;
    files.set(file.name, file);
    return `src="@@PLUGINFILE@@/${encodeURIComponent(file.name)}"`;
  });
  const fileXml = [...files.values()]
    .map((f) => `<file name="${escapeHtml(f.name)}" path="/" encoding="base64">${f.data.toString('base64')}</file>`)
    .join('');
  return `<text>${cdata(text)}</text>${fileXml}`;
}

function field(tag: string, html: string, media: (id: number) => MediaFile | null, inside = ''): string {
  return `<${tag} format="html">${textWithFiles(html, media)}${inside}</${tag}>`;
}

const NO_FEEDBACK = '<feedback format="html"><text></text></feedback>';

const answer = (fraction: number, html: string, media: (id: number) => MediaFile | null) =>
  `<answer fraction="${fraction}" format="html">${textWithFiles(html, media)}${NO_FEEDBACK}</answer>`;

/** Moodle's embedded-answer syntax escapes these inside an answer. */
const clozeText = (s: string) => s.replace(/[\\}#~/"]/g, (c) => `\\${c}`);

function question(
  item: MoodleExportItem,
  index: number,
  media: (id: number) => MediaFile | null,
  warn: (w: MoodleExportWarning) => void,
): string | null {
  const { draft } = item;
  const body = draft.body;
  const head = (type: string, stem: string) =>
    `<question type="${type}"><name>${plain(item.name)}</name>${field('questiontext', stem, media)}<generalfeedback format="html"><text></text></generalfeedback><defaultgrade>${draft.points}</defaultgrade><penalty>0</penalty><hidden>0</hidden><idnumber></idnumber>`;
  const tags = item.level ? `<tags><tag>${plain(`Mức ${item.level}`)}</tag></tags>` : '';
  const end = `${tags}</question>`;
  switch (body.kind) {
    case 'single':
    case 'multiple': {
      if (body.choices.some((c) => c.fixed)) warn({ item: index, code: 'fixed_options_lost' });
      const right = body.choices.filter((c) => c.correct).length;
      const allOrNothing = body.kind === 'multiple' && body.scoring === 'allOrNothing';
      const fraction = (correct: boolean) =>
        body.kind === 'single' || allOrNothing
          ? correct
            ? 100
            : 0
          : correct
            ? Math.round((100 / right) * 1e5) / 1e5
            : -Math.round((100 / right) * 1e5) / 1e5;
      const type = allOrNothing ? 'multichoiceset' : 'multichoice';
      return `${head(type, draft.stem)}<single>${body.kind === 'single'}</single><shuffleanswers>${
        body.shuffle ? 1 : 0
      }</shuffleanswers><answernumbering>ABCD</answernumbering>${body.choices
        .map((c) => answer(fraction(c.correct), c.text, media))
        .join('')}${end}`;
    }
    case 'trueFalse':
      return `${head('truefalse', draft.stem)}<answer fraction="${body.correct ? 100 : 0}" format="moodle_auto_format"><text>true</text>${NO_FEEDBACK}</answer><answer fraction="${
        body.correct ? 0 : 100
      }" format="moodle_auto_format"><text>false</text>${NO_FEEDBACK}</answer>${end}`;
    case 'shortText':
      if (body.rules.ignoreDiacritics) warn({ item: index, code: 'diacritics_rule_lost' });
      return `${head('shortanswer', draft.stem)}<usecase>${body.rules.caseSensitive ? 1 : 0}</usecase>${body.accepted
        .map((a) => `<answer fraction="100" format="moodle_auto_format">${plain(a)}${NO_FEEDBACK}</answer>`)
        .join('')}${end}`;
    case 'numeric':
      return `${head('numerical', draft.stem)}${body.answers
        .map(
          (a) =>
            `<answer fraction="100" format="moodle_auto_format">${plain(String(a.value))}${NO_FEEDBACK}<tolerance>${a.tolerance}</tolerance></answer>`,
        )
        .join(
          '',
        )}<unitgradingtype>0</unitgradingtype><unitpenalty>0</unitpenalty><showunits>3</showunits><unitsleft>0</unitsleft>${end}`;
    case 'matching':
      return `${head('matching', draft.stem)}<shuffleanswers>true</shuffleanswers>${[
        ...body.pairs.map((p) =>
          field('subquestion', p.left, media, `<answer>${plain(itemPlainText(p.right))}</answer>`),
        ),
        ...body.distractors.map(
          (d) =>
            `<subquestion format="html"><text></text><answer>${plain(itemPlainText(d.text))}</answer></subquestion>`,
        ),
      ].join('')}${end}`;
    case 'ordering':
      return `${head('ordering', draft.stem)}<layouttype>VERTICAL</layouttype><selecttype>ALL</selecttype><selectcount>0</selectcount><gradingtype>ALL_OR_NOTHING</gradingtype><showgrading>SHOW</showgrading><numberingstyle>none</numberingstyle>${body.steps
        .map((s, i) => answer(i + 1, s.text, media))
        .join('')}${end}`;
    case 'cloze': {
      if (body.rules.ignoreDiacritics) warn({ item: index, code: 'diacritics_rule_lost' });
      const passage = body.passage.replace(/\{\{([A-Za-z0-9_-]+)\}\}/g, (all, id: string) => {
        const blank = body.blanks.find((b) => b.id === id);
        if (!blank) return all;
        if (blank.options?.length) {
          return `{1:MULTICHOICE:${blank.options.map((o) => `${o.correct ? '=' : ''}${clozeText(o.text)}`).join('~')}}`;
        }
        const type = body.rules.caseSensitive ? 'SHORTANSWER_C' : 'SHORTANSWER';
        return `{1:${type}:${(blank.accepted ?? []).map((a) => `=${clozeText(escapeHtml(a))}`).join('~')}}`;
      });
      return `${head('multianswer', `${draft.stem}${passage}`)}${end}`;
    }
    case 'fileTask': {
      const rubric = `<ul>${body.rubric.map((r) => `<li>${escapeHtml(r.text)} (${r.points} điểm)</li>`).join('')}</ul>`;
      return `${head('essay', draft.stem)}<responseformat>noinline</responseformat><responserequired>0</responserequired><responsefieldlines>5</responsefieldlines><attachments>1</attachments><attachmentsrequired>1</attachmentsrequired><filetypeslist>${escapeHtml(
        body.extensions.map((e) => `.${e}`).join(','),
      )}</filetypeslist>${field('graderinfo', rubric, media)}<responsetemplate format="html"><text></text></responsetemplate>${end}`;
    }
    case 'trueFalseGrid':
    case 'categorize':
      warn({ item: index, code: 'kind_not_in_moodle', kind: body.kind });
      return null;
  }
}

/** The items as one Moodle XML file, a category before each topic, and what could not go into it. */
export function writeMoodleXml(
  items: readonly MoodleExportItem[],
  media: (id: number) => MediaFile | null,
): { xml: string; warnings: MoodleExportWarning[] } {
  const warnings: MoodleExportWarning[] = [];
  const parts: string[] = [];
  let topic: string | null | undefined;
  items.forEach((item, index) => {
    if (item.topic !== topic) {
      topic = item.topic;
      parts.push(
        `<question type="category"><category>${plain(`$course$/top/${(topic ?? 'Ngân hàng câu hỏi').replace(/\//g, '//')}`)}</category><info format="html"><text></text></info></question>`,
      );
    }
    const xml = question(item, index, media, (w) => warnings.push(w));
    if (xml) parts.push(xml);
  });
  return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${parts.join('\n')}\n</quiz>\n`, warnings };
}
