/**
 * The HTML of item texts (stems, options, passages), cut down to what a primary test needs before it is
 * stored: the same text goes to every pupil's page in the lab, so whatever an imported Word, Moodle or
 * QTI file carried beyond formatting (scripts, event handlers, links out, remote images, forms) must not
 * reach it. htmlparser2 reads the markup as a browser would; only allowed elements and attributes are
 * written back, the rest of an unknown element's content kept as text, a dangerous one's content dropped.
 */
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Node & { name: string; attribs: Record<string, string>; children: Node[] };
type TextNode = Node & { data: string };

// domhandler's own type guards are not re-exported by htmlparser2; the node types are.
const isText = (node: Node): node is TextNode => node.type === ElementType.Text;
const isElement = (node: Node): node is Element =>
  node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style;

/** Elements kept, with the attributes each may keep. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: ['style'],
  div: ['style'],
  br: [],
  b: [],
  strong: [],
  i: [],
  em: [],
  u: [],
  s: [],
  sub: [],
  sup: [],
  span: ['style'],
  ul: [],
  ol: ['type', 'start'],
  li: [],
  blockquote: [],
  pre: [],
  code: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['colspan', 'rowspan', 'style'],
  td: ['colspan', 'rowspan', 'style'],
  img: ['src', 'alt', 'width', 'height'],
  audio: ['src'],
};

/** Elements whose content is not text for a pupil: dropped with everything inside. */
const DROPPED = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'head',
  'title',
  'svg',
  'math',
  'form',
  'select',
  'textarea',
  'button',
  'input',
  'video',
  'canvas',
  'frame',
  'frameset',
]);

const VOID = new Set(['br', 'img']);

/** Media are the item's own files: `media:ID`, never a URL that would make a pupil's PC fetch something. */
export const MEDIA_SRC = /^media:(\d{1,12})$/;

/** The few style properties a test's formatting uses (colours, alignment, underline), with safe values. */
const STYLE_VALUES: Readonly<Record<string, RegExp>> = {
  color: /^(#[0-9a-f]{3,8}|rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)|[a-z]{3,20})$/i,
  'background-color': /^(#[0-9a-f]{3,8}|rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)|[a-z]{3,20})$/i,
  'text-align': /^(left|right|center|justify)$/i,
  'text-decoration': /^(underline|line-through|none)$/i,
  'font-weight': /^(bold|normal|[1-9]00)$/i,
  'font-style': /^(italic|normal)$/i,
};

function cleanStyle(style: string): string {
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (STYLE_VALUES[property]?.test(value)) kept.push(`${property}: ${value}`);
  }
  return kept.join('; ');
}

function cleanAttribute(element: string, name: string, value: string): string | null {
  switch (name) {
    case 'src': {
      if (!MEDIA_SRC.test(value.trim())) return null;
      return value.trim();
    }
    case 'style': {
      const style = cleanStyle(value);
      return style === '' ? null : style;
    }
    case 'width':
    case 'height':
    case 'colspan':
    case 'rowspan':
    case 'start':
      return /^\d{1,4}$/.test(value.trim()) ? value.trim() : null;
    case 'type':
      return element === 'ol' && /^[1aAiI]$/.test(value) ? value : null;
    case 'alt':
      return value.slice(0, 500);
    default:
      return null;
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text made safe for item HTML, inside an element or a quoted attribute. */
export function escapeHtml(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

function write(nodes: readonly Node[], out: string[]): void {
  for (const node of nodes) {
    if (isText(node)) {
      out.push(escapeText(node.data));
    } else if (isElement(node)) {
      const name = node.name.toLowerCase();
      if (DROPPED.has(name)) continue;
      const allowed = ALLOWED[name];
      if (!allowed) {
        // An unknown wrapper (a Word <font>, a <a> link): its text stays, the element goes.
        write(node.children, out);
        continue;
      }
      const attributes: string[] = [];
      for (const [attr, value] of Object.entries(node.attribs)) {
        const lower = attr.toLowerCase();
        if (!allowed.includes(lower)) continue;
        const clean = cleanAttribute(name, lower, value);
        if (clean !== null) attributes.push(` ${lower}="${escapeHtml(clean)}"`);
      }
      // An image or audio whose source was refused shows nothing: drop it rather than leave a broken one.
      if ((name === 'img' || name === 'audio') && !attributes.some((a) => a.startsWith(' src='))) continue;
      if (name === 'audio') attributes.push(' controls');
      out.push(`<${name}${attributes.join('')}>`);
      if (VOID.has(name)) continue;
      write(node.children, out);
      out.push(`</${name}>`);
    } else if (node.type === ElementType.CDATA && 'children' in node) {
      write(node.children as Node[], out);
    }
    // Comments, processing instructions and doctypes carry nothing for a pupil.
  }
}

/** The item text as it is stored and shown: allowed markup only, Unicode NFC, no white space around it. */
export function sanitizeItemHtml(html: string): string {
  const document = parseDocument(html.normalize('NFC'), { decodeEntities: true, lowerCaseTags: true });
  const out: string[] = [];
  write(document.children, out);
  return out.join('').trim();
}

/** The media ids an item text refers to, so the bank keeps those files and refuses unknown ones. */
export function mediaIdsIn(html: string): number[] {
  const ids = new Set<number>();
  for (const m of html.matchAll(/\bsrc="media:(\d{1,12})"/g)) ids.add(Number(m[1]));
  return [...ids];
}

/** The text alone, for lists, search and the answer-sheet PDF. */
export function itemPlainText(html: string): string {
  const document = parseDocument(html, { decodeEntities: true });
  return DomUtils.textContent(document).replace(/\s+/g, ' ').trim();
}

/** The text of each list item in an HTML fragment (a rubric written as a list). */
export function listItemTexts(html: string): string[] {
  const document = parseDocument(html, { decodeEntities: true });
  return DomUtils.getElementsByTagName('li', document).map((li) =>
    DomUtils.textContent(li).replace(/\s+/g, ' ').trim(),
  );
}
