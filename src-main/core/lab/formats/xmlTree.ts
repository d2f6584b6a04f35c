/**
 * An interchange file (Moodle XML, QTI) as a small element tree, read with the strict XML reader the
 * imports share (src-main/core/records/xlsx/xml.ts): no DTD is read, so no external entity is fetched and
 * no entity expands; an undefined entity, a mismatched tag or a part cut short is an error. Elements are
 * named as written, prefix and all; text keeps CDATA sections' content.
 */
import { XmlFormatError, readXml } from '../../records/xlsx/xml';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

/** Deeper than any real question file nests: past it, a file is built to exhaust the reader. */
const MAX_DEPTH = 200;

export { XmlFormatError };

export function parseXmlTree(xml: string): XmlElement {
  const root: { name: string; attributes: Record<string, string>; children: (XmlElement | string)[] } = {
    name: '#document',
    attributes: {},
    children: [],
  };
  const stack = [root];
  const top = () => stack[stack.length - 1]!;
  readXml(xml, {
    open(name) {
      if (stack.length > MAX_DEPTH) throw new XmlFormatError(`elements nested deeper than ${MAX_DEPTH}`);
      const element = { name, attributes: {} as Record<string, string>, children: [] as (XmlElement | string)[] };
      top().children.push(element);
      stack.push(element);
    },
    attribute(name, value) {
      top().attributes[name] = value;
    },
    text(text) {
      const children = top().children;
      const last = children[children.length - 1];
      if (typeof last === 'string') children[children.length - 1] = last + text;
      else children.push(text);
    },
    cdata(text) {
      this.text(text);
    },
    close() {
      stack.pop();
    },
  });
  const element = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!element) throw new XmlFormatError('no element');
  return element;
}

/** The element's name without its namespace prefix ("qti:choiceInteraction" → "choiceInteraction"). */
export function localName(element: XmlElement): string {
  const colon = element.name.indexOf(':');
  return colon < 0 ? element.name : element.name.slice(colon + 1);
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || localName(c) === name),
  );
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element ? childElements(element, name)[0] : undefined;
}

/** The text directly inside an element (its text and CDATA children, not its elements'). */
export function ownText(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.filter((c): c is string => typeof c === 'string').join('');
}
