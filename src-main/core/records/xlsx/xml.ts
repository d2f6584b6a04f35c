/**
 * The XML of an xlsx package, read with htmlparser2's tokenizer in XML mode: fast enough for the million
 * tokens of a 10,000-pupil list, where a parser building an event object for each was most of the time
 * of reading it. htmlparser2's Parser on top of the tokenizer took a third more time, and it reads
 * damaged markup as a browser would, making the best of it; a damaged part here is a damaged file, to
 * be reported as such rather than read as something else. So, as a strict XML parser would, this refuses
 * an end tag that does not close the element open, an element left open at the end of a part (a part
 * cut short), an attribute without quotes, and an entity XML does not define.
 *
 * Names are compared as written, prefix and all, as exceljs (saxes without namespaces) compared them;
 * CDATA sections, comments and processing instructions carry nothing an import reads.
 */
import { QuoteType, Tokenizer } from 'htmlparser2';

export class XmlFormatError extends Error {}

export interface XmlHandler {
  /** An element starts; its attributes follow as attribute() calls, before anything inside it. */
  open(name: string): void;
  attribute(name: string, value: string): void;
  /** Text inside the innermost element, entities decoded; one run of text may come in several pieces. */
  text(text: string): void;
  /** The element ends: at its end tag, or right after its attributes when written <name/>. */
  close(name: string): void;
  /** A CDATA section's text, as written; readers that carry no text in CDATA leave this out. */
  cdata?(text: string): void;
}

function fail(what: string): never {
  throw new XmlFormatError(what);
}

export function readXml(xml: string, handler: XmlHandler): void {
  const open: string[] = [];
  let attribute = '';
  let value = '';
  // The tokenizer hands each entity it decodes over on its own; an '&' left in the text around them
  // starts one it could not decode. Most parts have none at all, and need no look.
  const mayHaveEntities = xml.includes('&');
  const undecoded = (text: string): string => {
    if (mayHaveEntities && text.includes('&')) fail('an entity XML does not define');
    return text;
  };
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: true },
    {
      onopentagname(start, end) {
        const name = xml.slice(start, end);
        open.push(name);
        handler.open(name);
      },
      onattribname(start, end) {
        attribute = xml.slice(start, end);
        value = '';
      },
      onattribdata(start, end) {
        value += undecoded(xml.slice(start, end));
      },
      onattribentity(codePoint) {
        value += String.fromCodePoint(codePoint);
      },
      onattribend(quote) {
        if (quote !== QuoteType.Double && quote !== QuoteType.Single) fail(`attribute ${attribute} without quotes`);
        handler.attribute(attribute, value);
      },
      onopentagend() {},
      onselfclosingtag() {
        handler.close(open.pop()!);
      },
      onclosetag(start, end) {
        const name = open.pop();
        if (name === undefined || name.length !== end - start || !xml.startsWith(name, start)) {
          fail(`</${xml.slice(start, end)}> closes <${name ?? ''}>`);
        }
        handler.close(name);
      },
      ontext(start, end) {
        handler.text(undecoded(xml.slice(start, end)));
      },
      ontextentity(codePoint) {
        handler.text(String.fromCodePoint(codePoint));
      },
      oncdata(start, endIndex, endOffset) {
        handler.cdata?.(xml.slice(start, endIndex - endOffset));
      },
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {
        if (open.length > 0) fail(`<${open.at(-1)!}> left open`);
      },
    },
  );
  tokenizer.write(xml);
  tokenizer.end();
}
