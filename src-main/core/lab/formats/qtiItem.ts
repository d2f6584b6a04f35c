/**
 * One QTI item (IMS Question & Test Interoperability) read into a bank item, and a bank item written as a
 * QTI 3.0 item. QTI 2.1 (`assessmentItem`, `choiceInteraction`, camelCase attributes) and 3.0
 * (`qti-assessment-item`, `qti-choice-interaction`, kebab-case) are read alike: names are brought to the
 * 2.1 spelling first.
 *
 * Kinds map onto the core interactions: choice (single, multiple, and true/false as two choices named
 * "true" and "false"), match (one-to-one matching; the Đúng/Sai grid as statements × {Đúng, Sai};
 * drag-to-category as elements × categories that take several), order, text entry (typed answer and
 * number, with its tolerance in an `equal` condition), inline choice and text entry inside a passage
 * (fill in the blanks), upload (file task, its rubric in a scorer rubric block). Scores come from the
 * bank's own rules for each kind; the standard response-processing templates are what those rules are,
 * so anything else in a file's response processing is reported as a warning on the item.
 */
import type { Blank, Choice, ItemBody, ItemDraft, RubricCriterion } from '../../../../src-shared/domain/lab/items';
import { itemProblems } from '../../../../src-shared/domain/lab/items';
import { escapeHtml } from '../richText';
import type { ImportProblem, ImportWarning, ImportedItem } from '../../../../src-shared/domain/lab/imports';
import { parseXmlTree, type XmlElement } from './xmlTree';

export const QTI3_NAMESPACE = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
const TEMPLATES = 'https://purl.imsglobal.org/spec/qti/v3p0/rptemplates';

// ------------------------------------------------------------------------------------------ reading

/** QTI 3 spelling → 2.1 spelling: "qti-choice-interaction" → "choiceInteraction", "max-choices" → "maxChoices". */
function camel(name: string): string {
  const bare = name.replace(/^[A-Za-z0-9_]+:/, '');
  const dropped = bare.startsWith('qti-') ? bare.slice(4) : bare;
  return dropped.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

interface Node {
  readonly name: string;
  /** Whether the element is QTI's (an interaction, a declaration) rather than XHTML content. */
  readonly qti: boolean;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (Node | string)[];
}

const QTI_ONLY = new Set([
  'assessmentItem',
  'responseDeclaration',
  'outcomeDeclaration',
  'templateDeclaration',
  'correctResponse',
  'defaultValue',
  'value',
  'mapping',
  'mapEntry',
  'itemBody',
  'prompt',
  'simpleChoice',
  'inlineChoice',
  'simpleMatchSet',
  'simpleAssociableChoice',
  'gapText',
  'gap',
  'rubricBlock',
  'responseProcessing',
  'modalFeedback',
  'stylesheet',
  'companionMaterialsInfo',
]);

function normalise(element: XmlElement): Node {
  const name = element.name.startsWith('qti-') || element.name.includes(':qti-') ? camel(element.name) : element.name;
  const qti = QTI_ONLY.has(name) || /Interaction$/.test(name) || element.name.startsWith('qti-');
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(element.attributes)) attributes[qti || k.includes('-') ? camel(k) : k] = v;
  return {
    name: qti ? name : element.name.replace(/^[A-Za-z0-9_]+:/, ''),
    qti,
    attributes,
    children: element.children.map((c) => (typeof c === 'string' ? c : normalise(c))),
  };
}

const elements = (node: Node | undefined, name?: string): Node[] =>
  (node?.children ?? []).filter((c): c is Node => typeof c !== 'string' && (name === undefined || c.name === name));
const first = (node: Node | undefined, name: string) => elements(node, name)[0];
function descendants(node: Node, test: (n: Node) => boolean, out: Node[] = []): Node[] {
  for (const c of elements(node)) {
    if (test(c)) out.push(c);
    descendants(c, test, out);
  }
  return out;
}
const textOf = (node: Node | undefined): string =>
  (node?.children ?? []).map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

const BLOCK_INTERACTIONS = new Set([
  'choiceInteraction',
  'matchInteraction',
  'orderInteraction',
  'uploadInteraction',
  'extendedTextInteraction',
  'associateInteraction',
  'gapMatchInteraction',
  'hotspotInteraction',
  'hottextInteraction',
  'graphicOrderInteraction',
  'graphicAssociateInteraction',
  'graphicGapMatchInteraction',
  'positionObjectInteraction',
  'selectPointInteraction',
  'sliderInteraction',
  'drawingInteraction',
  'mediaInteraction',
  'customInteraction',
  'portableCustomInteraction',
  'endAttemptInteraction',
]);
const INLINE_INTERACTIONS = new Set(['textEntryInteraction', 'inlineChoiceInteraction']);
/** Response processing that scores as the bank's rules do: right or wrong, with a tolerance, or mapped. */
const KNOWN_PROCESSING = new Set([
  'responseCondition',
  'responseIf',
  'responseElseIf',
  'responseElse',
  'equal',
  'match',
  'variable',
  'correct',
  'baseValue',
  'setOutcomeValue',
  'sum',
  'mapResponse',
  'isNull',
]);

interface Context {
  /** Resolves an `src` in the item to a media key, or null when it is not a file of the package. */
  readonly media: (src: string) => string | null;
  readonly used: Set<string>;
}

/** XHTML content as item HTML; `replace` turns an interaction into what stands in its place. */
function html(nodes: readonly (Node | string)[], ctx: Context, replace: (n: Node) => string | null): string {
  return nodes
    .map((c) => {
      if (typeof c === 'string') return escapeHtml(c);
      if (c.qti) return replace(c) ?? '';
      const attrs = Object.entries(c.attributes)
        .map(([k, v]) => {
          if ((k === 'src' || k === 'data') && (c.name === 'img' || c.name === 'audio' || c.name === 'object')) {
            const key = ctx.media(v);
            if (!key) return '';
            ctx.used.add(key);
            return ` src="import:${escapeHtml(key)}"`;
          }
          return ` ${k}="${escapeHtml(v)}"`;
        })
        .join('');
      const name = c.name === 'object' ? 'img' : c.name;
      // A picture or sound whose file is not in the package shows nothing: it is left out whole.
      if ((name === 'img' || name === 'audio') && !attrs.includes(' src="import:')) return '';
      if (name === 'img' || name === 'br') return `<${name}${attrs}>`;
      return `<${name}${attrs}>${html(c.children, ctx, replace)}</${name}>`;
    })
    .join('');
}

const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();

function correctValues(declaration: Node | undefined): string[] {
  return elements(first(declaration, 'correctResponse'), 'value').map((v) => textOf(v).trim());
}

function mappedValues(declaration: Node | undefined): { key: string; value: number; caseSensitive: boolean }[] {
  return elements(first(declaration, 'mapping'), 'mapEntry').map((e) => ({
    key: e.attributes['mapKey'] ?? '',
    value: Number(e.attributes['mappedValue'] ?? '0'),
    caseSensitive: e.attributes['caseSensitive'] === 'true',
  }));
}

/** A number written in the file (QTI uses a dot). */
const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? NaN : Number(s));

export interface QtiReadOptions {
  readonly label: string;
  readonly number: number;
  readonly media: (src: string) => string | null;
}

export function readQtiItem(
  xml: string,
  options: QtiReadOptions,
): ImportedItem & { identifier: string; title: string } {
  const root = normalise(parseXmlTree(xml));
  const problems: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  const ctx: Context = { media: options.media, used: new Set() };
  const identifier = root.attributes['identifier'] ?? '';
  const title = root.attributes['title'] ?? '';
  const done = (draft: ItemDraft | null) => {
    if (draft) for (const p of itemProblems(draft)) if (!problems.some((x) => x.code === p.code)) problems.push(p);
    return {
      identifier,
      title,
      label: options.label,
      number: options.number,
      draft,
      problems,
      warnings,
      media: [...ctx.used],
    };
  };
  if (root.name !== 'assessmentItem') {
    problems.push({ code: 'unreadable', reason: `<${root.name}> is not a QTI item` });
    return done(null);
  }
  const declarations = new Map(elements(root, 'responseDeclaration').map((d) => [d.attributes['identifier'] ?? '', d]));
  const maxScore = elements(root, 'outcomeDeclaration').find((o) => o.attributes['identifier'] === 'MAXSCORE');
  const points = num(textOf(first(first(maxScore, 'defaultValue'), 'value'))) || 1;
  const body = first(root, 'itemBody');
  if (!body) {
    problems.push({ code: 'unreadable', reason: 'no itemBody' });
    return done(null);
  }
  const processing = first(root, 'responseProcessing');
  const template = processing?.attributes['template'] ?? processing?.attributes['templateLocation'] ?? '';
  const equalNodes = processing ? descendants(processing, (n) => n.name === 'equal') : [];
  if (processing && template && !/(match_correct|map_response|map_response_point)(\.xml)?$/.test(template)) {
    problems.push({ code: 'unsupported_kind', kind: `response processing ${template}` });
  }
  if (processing && !template && descendants(processing, (n) => !KNOWN_PROCESSING.has(n.name)).length > 0) {
    warnings.push({ code: 'custom_scoring' });
  }

  const interactions = descendants(body, (n) => BLOCK_INTERACTIONS.has(n.name) || INLINE_INTERACTIONS.has(n.name));
  const blocks = interactions.filter((n) => BLOCK_INTERACTIONS.has(n.name));
  const inlines = interactions.filter((n) => INLINE_INTERACTIONS.has(n.name));

  // The stem: the body without its one block interaction, the interaction's prompt after it.
  const stemWithout = (interaction: Node) => {
    const prompt = first(interaction, 'prompt');
    return tidy(
      html(body.children, ctx, (n) =>
        n === interaction ? (prompt ? `<p>${html(prompt.children, ctx, () => null)}</p>` : '') : null,
      ),
    );
  };
  const declarationOf = (interaction: Node) => declarations.get(interaction.attributes['responseIdentifier'] ?? '');

  if (blocks.length === 1 && inlines.length === 0) {
    const interaction = blocks[0]!;
    const declaration = declarationOf(interaction);
    const stem = stemWithout(interaction);
    const correct = correctValues(declaration);
    let kind: ItemBody | null = null;
    switch (interaction.name) {
      case 'choiceInteraction': {
        const simple = elements(interaction, 'simpleChoice');
        const ids = simple.map((c) => c.attributes['identifier'] ?? '');
        if (ids.length === 2 && ids.includes('true') && ids.includes('false') && correct.length === 1) {
          kind = { kind: 'trueFalse', correct: correct[0] === 'true' };
          break;
        }
        const mapping = mappedValues(declaration);
        const choices: Choice[] = simple.map((c) => ({
          id: c.attributes['identifier'] ?? '',
          text: tidy(html(c.children, ctx, () => null)),
          correct:
            correct.includes(c.attributes['identifier'] ?? '') ||
            mapping.some((m) => m.key === c.attributes['identifier'] && m.value > 0),
          ...(c.attributes['fixed'] === 'true' ? { fixed: true } : {}),
        }));
        const shuffle = interaction.attributes['shuffle'] === 'true';
        const maxChoices = num(interaction.attributes['maxChoices'] ?? '1');
        kind =
          maxChoices === 1 && declaration?.attributes['cardinality'] !== 'multiple'
            ? { kind: 'single', choices, shuffle }
            : {
                kind: 'multiple',
                choices,
                shuffle,
                scoring: /map_response/.test(template) ? 'perChoice' : 'allOrNothing',
              };
        break;
      }
      case 'orderInteraction': {
        const simple = new Map(elements(interaction, 'simpleChoice').map((c) => [c.attributes['identifier'] ?? '', c]));
        const order = correct.length === simple.size ? correct : [...simple.keys()];
        kind = {
          kind: 'ordering',
          steps: order.map((id) => ({ id, text: tidy(html(simple.get(id)?.children ?? [], ctx, () => null)) })),
        };
        break;
      }
      case 'matchInteraction': {
        const [sources, targets] = elements(interaction, 'simpleMatchSet').map((s) =>
          elements(s, 'simpleAssociableChoice'),
        );
        if (!sources || !targets) break;
        const pairs = correct.map((v) => v.split(/\s+/) as [string, string]);
        const text = (n: Node) => tidy(html(n.children, ctx, () => null));
        const id = (n: Node) => n.attributes['identifier'] ?? '';
        const targetNames = targets.map((t) => textOf(t).trim().toLowerCase());
        if (targets.length === 2 && targetNames.includes('đúng') && targetNames.includes('sai')) {
          const trueId = id(targets[targetNames.indexOf('đúng')]!);
          kind = {
            kind: 'trueFalseGrid',
            statements: sources.map((s) => ({
              id: id(s),
              text: text(s),
              correct: pairs.some(([a, b]) => a === id(s) && b === trueId),
            })),
          };
        } else if (targets.some((t) => (t.attributes['matchMax'] ?? '1') !== '1')) {
          kind = {
            kind: 'categorize',
            categories: targets.map((t) => ({ id: id(t), name: tidy(textOf(t)) })),
            elements: sources.map((s) => ({
              id: id(s),
              text: text(s),
              categoryId: pairs.find(([a]) => a === id(s))?.[1] ?? '',
            })),
          };
        } else {
          const matched = new Set(pairs.map(([, b]) => b));
          kind = {
            kind: 'matching',
            pairs: sources.map((s) => {
              const target = targets.find((t) => id(t) === pairs.find(([a]) => a === id(s))?.[1]);
              return { id: id(s), left: text(s), right: target ? text(target) : '' };
            }),
            distractors: targets.filter((t) => !matched.has(id(t))).map((t) => ({ id: id(t), text: text(t) })),
          };
        }
        break;
      }
      case 'uploadInteraction': {
        const rubricBlock = descendants(root, (n) => n.name === 'rubricBlock' && n.attributes['view'] === 'scorer')[0];
        const rubric: RubricCriterion[] = rubricBlock
          ? descendants(rubricBlock, (n) => n.name === 'li').map((li, i) => {
              const m = /^(.*?)\s*\((\d+(?:[.,]\d+)?)\s*điểm\)\s*$/su.exec(textOf(li).trim());
              return {
                id: li.attributes['id'] ?? `r${i + 1}`,
                text: (m?.[1] ?? textOf(li)).trim(),
                points: m ? Number(m[2]!.replace(',', '.')) : 1,
              };
            })
          : [];
        const extensions = (interaction.attributes['data-extensions'] ?? interaction.attributes['dataExtensions'] ?? '')
          .split(/\s+/)
          .filter(Boolean);
        kind = { kind: 'fileTask', extensions, rubric };
        // The rubric block (QTI, for the scorer) is not in the stem: html() leaves QTI elements out.
        return done({ stem, points, body: kind });
      }
      default:
        problems.push({ code: 'unsupported_kind', kind: interaction.name });
        return done(null);
    }
    if (!kind) {
      problems.push({ code: 'unreadable', reason: interaction.name });
      return done(null);
    }
    return done({ stem, points, body: kind });
  }

  if (blocks.length === 0 && inlines.length > 0) {
    // One typed answer after the question: a short answer or a number. Several, or a drop-down: blanks.
    if (inlines.length === 1 && inlines[0]!.name === 'textEntryInteraction') {
      const interaction = inlines[0]!;
      const declaration = declarationOf(interaction);
      const stem = stemWithout(interaction).replace(/<p><\/p>/g, '');
      const baseType = declaration?.attributes['baseType'] ?? 'string';
      if (baseType === 'float' || baseType === 'integer') {
        // Each `equal` names an accepted value (a base value, or the correct response) and its tolerance.
        const correct = correctValues(declaration).map(Number);
        const answers = equalNodes.length
          ? equalNodes.map((e) => {
              const base = first(e, 'baseValue');
              return {
                value: base ? num(textOf(base)) : (correct[0] ?? NaN),
                tolerance: num((e.attributes['tolerance'] ?? '0').split(/\s+/)[0]) || 0,
              };
            })
          : correct.map((v) => ({ value: v, tolerance: 0 }));
        return done({ stem, points, body: { kind: 'numeric', answers } });
      }
      const mapping = mappedValues(declaration).filter((m) => m.value > 0);
      const accepted = mapping.length > 0 ? mapping.map((m) => m.key) : correctValues(declaration);
      const caseSensitive = mapping.length > 0 ? mapping.every((m) => m.caseSensitive) : true;
      const ignoreDiacritics = interaction.attributes['dataIgnoreDiacritics'] === 'true';
      return done({ stem, points, body: { kind: 'shortText', accepted, rules: { caseSensitive, ignoreDiacritics } } });
    }
    const blanks: Blank[] = [];
    let caseSensitive = false;
    let ignoreDiacritics = false;
    const passage = tidy(
      html(body.children, ctx, (n) => {
        if (!INLINE_INTERACTIONS.has(n.name)) return null;
        const id = n.attributes['responseIdentifier'] ?? `b${blanks.length + 1}`;
        const declaration = declarations.get(id);
        if (n.name === 'inlineChoiceInteraction') {
          const correct = correctValues(declaration);
          blanks.push({
            id,
            options: elements(n, 'inlineChoice').map((c) => ({
              id: c.attributes['identifier'] ?? '',
              text: tidy(html(c.children, ctx, () => null)),
              correct: correct.includes(c.attributes['identifier'] ?? ''),
            })),
          });
        } else {
          const mapping = mappedValues(declaration).filter((m) => m.value > 0);
          if (mapping.some((m) => m.caseSensitive)) caseSensitive = true;
          if (n.attributes['dataIgnoreDiacritics'] === 'true') ignoreDiacritics = true;
          blanks.push({ id, accepted: mapping.length > 0 ? mapping.map((m) => m.key) : correctValues(declaration) });
        }
        return `{{${id}}}`;
      }),
    );
    return done({
      stem: '',
      points,
      body: { kind: 'cloze', passage, blanks, rules: { caseSensitive, ignoreDiacritics } },
    });
  }

  problems.push(
    interactions.length === 0
      ? { code: 'no_answer_form' }
      : { code: 'unsupported_kind', kind: `${interactions.length} interactions in one item` },
  );
  return done(null);
}

// ------------------------------------------------------------------------------------------ writing

/** Item HTML as XHTML: void elements closed, media references turned into the package's file paths. */
function xhtml(itemHtml: string, mediaPath: (id: number) => string): string {
  return itemHtml
    .replace(/<(br|img)([^>]*?)\s*\/?>/g, (_, tag: string, attrs: string) => `<${tag}${attrs}/>`)
    .replace(/src="media:(\d+)"/g, (_, id: string) => `src="${escapeHtml(mediaPath(Number(id)))}"`)
    .replace(/&nbsp;/g, '&#160;');
}

const value = (v: string) => `<qti-value>${escapeHtml(v)}</qti-value>`;
const attr = (v: string | number) => escapeHtml(String(v));

function declaration(id: string, cardinality: string, baseType: string, correct: string[], extra = ''): string {
  const correctXml = correct.length
    ? `<qti-correct-response>${correct.map(value).join('')}</qti-correct-response>`
    : '';
  return `<qti-response-declaration identifier="${attr(id)}" cardinality="${cardinality}" base-type="${baseType}">${correctXml}${extra}</qti-response-declaration>`;
}

function mapping(keys: readonly string[], caseSensitive: boolean): string {
  return `<qti-mapping default-value="0" lower-bound="0" upper-bound="1">${keys
    .map((k) => `<qti-map-entry map-key="${attr(k)}" mapped-value="1" case-sensitive="${caseSensitive}"/>`)
    .join('')}</qti-mapping>`;
}

export interface QtiWriteInput {
  readonly identifier: string;
  readonly title: string;
  readonly draft: ItemDraft;
  /** Where a bank medium sits in the package, relative to the item file. */
  readonly mediaPath: (mediaId: number) => string;
}

/** A bank item as a QTI 3.0 item document. */
export function writeQtiItem(input: QtiWriteInput): string {
  const { draft } = input;
  const x = (h: string) => xhtml(h, input.mediaPath);
  // The item body takes block content: a stem of bare text is put in a paragraph.
  const block = (h: string) => (/^\s*<(p|div|ul|ol|table|blockquote|pre|h\d)\b/.test(h) ? h : `<p>${h}</p>`);
  const stem = draft.stem ? block(x(draft.stem)) : '';
  const diacritics = (rules: { ignoreDiacritics: boolean }) =>
    rules.ignoreDiacritics ? ' data-ignore-diacritics="true"' : '';
  const decl: string[] = [];
  let interaction = '';
  let processing = `<qti-response-processing template="${TEMPLATES}/match_correct.xml"/>`;
  const body = draft.body;
  switch (body.kind) {
    case 'single':
    case 'multiple': {
      const correct = body.choices.filter((c) => c.correct).map((c) => c.id);
      const perChoice = body.kind === 'multiple' && body.scoring === 'perChoice';
      const extra = perChoice
        ? `<qti-mapping default-value="0" lower-bound="0">${body.choices
            .map(
              (c) =>
                `<qti-map-entry map-key="${attr(c.id)}" mapped-value="${c.correct ? 1 / correct.length : -1 / correct.length}"/>`,
            )
            .join('')}</qti-mapping>`
        : '';
      if (perChoice) processing = `<qti-response-processing template="${TEMPLATES}/map_response.xml"/>`;
      decl.push(declaration('RESPONSE', body.kind === 'single' ? 'single' : 'multiple', 'identifier', correct, extra));
      interaction = `<qti-choice-interaction response-identifier="RESPONSE" shuffle="${body.shuffle}" max-choices="${
        body.kind === 'single' ? 1 : 0
      }">${body.choices
        .map(
          (c) =>
            `<qti-simple-choice identifier="${attr(c.id)}"${c.fixed ? ' fixed="true"' : ''}>${x(c.text)}</qti-simple-choice>`,
        )
        .join('')}</qti-choice-interaction>`;
      break;
    }
    case 'trueFalse':
      decl.push(declaration('RESPONSE', 'single', 'identifier', [String(body.correct)]));
      interaction = `<qti-choice-interaction response-identifier="RESPONSE" shuffle="false" max-choices="1"><qti-simple-choice identifier="true">Đúng</qti-simple-choice><qti-simple-choice identifier="false">Sai</qti-simple-choice></qti-choice-interaction>`;
      break;
    case 'trueFalseGrid':
      decl.push(
        declaration(
          'RESPONSE',
          'multiple',
          'directedPair',
          body.statements.map((s) => `${s.id} ${s.correct ? 'DUNG' : 'SAI'}`),
        ),
      );
      interaction = `<qti-match-interaction response-identifier="RESPONSE" shuffle="false" max-associations="${
        body.statements.length
      }"><qti-simple-match-set>${body.statements
        .map(
          (s) =>
            `<qti-simple-associable-choice identifier="${attr(s.id)}" match-max="1">${x(s.text)}</qti-simple-associable-choice>`,
        )
        .join(
          '',
        )}</qti-simple-match-set><qti-simple-match-set><qti-simple-associable-choice identifier="DUNG" match-max="${
        body.statements.length
      }">Đúng</qti-simple-associable-choice><qti-simple-associable-choice identifier="SAI" match-max="${
        body.statements.length
      }">Sai</qti-simple-associable-choice></qti-simple-match-set></qti-match-interaction>`;
      break;
    case 'shortText':
      decl.push(
        declaration(
          'RESPONSE',
          'single',
          'string',
          [body.accepted[0] ?? ''],
          mapping(body.accepted, body.rules.caseSensitive),
        ),
      );
      processing = `<qti-response-processing template="${TEMPLATES}/map_response.xml"/>`;
      interaction = `<p><qti-text-entry-interaction response-identifier="RESPONSE"${diacritics(body.rules)}/></p>`;
      break;
    case 'numeric': {
      decl.push(declaration('RESPONSE', 'single', 'float', [String(body.answers[0]?.value ?? '')]));
      interaction = `<p><qti-text-entry-interaction response-identifier="RESPONSE"/></p>`;
      // Each accepted value within its tolerance earns the item's points (one branch per value).
      const branches = body.answers.map(
        (a, i) =>
          `<qti-response-${i === 0 ? 'if' : 'else-if'}><qti-equal tolerance-mode="absolute" tolerance="${attr(a.tolerance)} ${attr(
            a.tolerance,
          )}"><qti-variable identifier="RESPONSE"/><qti-base-value base-type="float">${attr(
            a.value,
          )}</qti-base-value></qti-equal><qti-set-outcome-value identifier="SCORE"><qti-variable identifier="MAXSCORE"/></qti-set-outcome-value></qti-response-${
            i === 0 ? 'if' : 'else-if'
          }>`,
      );
      processing = `<qti-response-processing><qti-response-condition>${branches.join('')}</qti-response-condition></qti-response-processing>`;
      break;
    }
    case 'matching': {
      const rightId = (id: string) => `R_${id}`;
      decl.push(
        declaration(
          'RESPONSE',
          'multiple',
          'directedPair',
          body.pairs.map((p) => `${p.id} ${rightId(p.id)}`),
        ),
      );
      interaction = `<qti-match-interaction response-identifier="RESPONSE" shuffle="true" max-associations="${
        body.pairs.length
      }"><qti-simple-match-set>${body.pairs
        .map(
          (p) =>
            `<qti-simple-associable-choice identifier="${attr(p.id)}" match-max="1">${x(p.left)}</qti-simple-associable-choice>`,
        )
        .join('')}</qti-simple-match-set><qti-simple-match-set>${[
        ...body.pairs.map((p) => [rightId(p.id), p.right] as const),
        ...body.distractors.map((d) => [d.id, d.text] as const),
      ]
        .map(
          ([id, text]) =>
            `<qti-simple-associable-choice identifier="${attr(id)}" match-max="1">${x(text)}</qti-simple-associable-choice>`,
        )
        .join('')}</qti-simple-match-set></qti-match-interaction>`;
      break;
    }
    case 'ordering':
      decl.push(
        declaration(
          'RESPONSE',
          'ordered',
          'identifier',
          body.steps.map((s) => s.id),
        ),
      );
      interaction = `<qti-order-interaction response-identifier="RESPONSE" shuffle="true">${body.steps
        .map((s) => `<qti-simple-choice identifier="${attr(s.id)}">${x(s.text)}</qti-simple-choice>`)
        .join('')}</qti-order-interaction>`;
      break;
    case 'categorize':
      decl.push(
        declaration(
          'RESPONSE',
          'multiple',
          'directedPair',
          body.elements.map((e) => `${e.id} ${e.categoryId}`),
        ),
      );
      interaction = `<qti-match-interaction response-identifier="RESPONSE" shuffle="true" max-associations="${
        body.elements.length
      }"><qti-simple-match-set>${body.elements
        .map(
          (e) =>
            `<qti-simple-associable-choice identifier="${attr(e.id)}" match-max="1">${x(e.text)}</qti-simple-associable-choice>`,
        )
        .join('')}</qti-simple-match-set><qti-simple-match-set>${body.categories
        .map(
          (c) =>
            `<qti-simple-associable-choice identifier="${attr(c.id)}" match-max="0">${escapeHtml(c.name)}</qti-simple-associable-choice>`,
        )
        .join('')}</qti-simple-match-set></qti-match-interaction>`;
      break;
    case 'cloze': {
      for (const b of body.blanks) {
        if (b.options?.length) {
          decl.push(
            declaration(
              b.id,
              'single',
              'identifier',
              b.options.filter((o) => o.correct).map((o) => o.id),
            ),
          );
        } else {
          decl.push(
            declaration(
              b.id,
              'single',
              'string',
              [(b.accepted ?? [])[0] ?? ''],
              mapping(b.accepted ?? [], body.rules.caseSensitive),
            ),
          );
        }
      }
      // One template cannot score several responses: each blank adds its mapped score.
      processing = `<qti-response-processing>${body.blanks
        .map(
          (b) =>
            `<qti-set-outcome-value identifier="SCORE"><qti-sum><qti-variable identifier="SCORE"/>${
              b.options?.length
                ? `<qti-match><qti-variable identifier="${attr(b.id)}"/><qti-correct identifier="${attr(b.id)}"/></qti-match>`
                : `<qti-map-response identifier="${attr(b.id)}"/>`
            }</qti-sum></qti-set-outcome-value>`,
        )
        .join('')}</qti-response-processing>`;
      const passage = x(body.passage).replace(/\{\{([A-Za-z0-9_-]+)\}\}/g, (_, id: string) => {
        const blank = body.blanks.find((b) => b.id === id);
        if (!blank?.options?.length) {
          return `<qti-text-entry-interaction response-identifier="${attr(id)}"${diacritics(body.rules)}/>`;
        }
        return `<qti-inline-choice-interaction response-identifier="${attr(id)}" shuffle="true">${blank.options
          .map((o) => `<qti-inline-choice identifier="${attr(o.id)}">${x(o.text)}</qti-inline-choice>`)
          .join('')}</qti-inline-choice-interaction>`;
      });
      interaction = block(passage);
      break;
    }
    case 'fileTask':
      decl.push(declaration('RESPONSE', 'single', 'file', []));
      processing = '';
      interaction = `<qti-upload-interaction response-identifier="RESPONSE" data-extensions="${attr(
        body.extensions.join(' '),
      )}"/>`;
      break;
  }
  const rubric =
    body.kind === 'fileTask'
      ? `<qti-rubric-block use="scoring" view="scorer"><qti-content-body><ul>${body.rubric
          .map((r) => `<li id="${attr(r.id)}">${escapeHtml(r.text)} (${r.points} điểm)</li>`)
          .join('')}</ul></qti-content-body></qti-rubric-block>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="${QTI3_NAMESPACE}" identifier="${attr(input.identifier)}" title="${attr(
    input.title,
  )}" adaptive="false" time-dependent="false" xml:lang="vi">${decl.join('')}<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>0</qti-value></qti-default-value></qti-outcome-declaration><qti-outcome-declaration identifier="MAXSCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>${attr(
    draft.points,
  )}</qti-value></qti-default-value></qti-outcome-declaration><qti-item-body>${rubric}${stem}${interaction}</qti-item-body>${processing}</qti-assessment-item>
`;
}
