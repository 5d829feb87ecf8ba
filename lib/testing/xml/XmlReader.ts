/**
 * A small, strict XML reader for request bodies (DeleteObjects, CompleteMultipartUpload, Tagging,
 * CopyRangeRequest, …) and for tests. Element names are reduced to their local names, so documents
 * parse the same with or without a namespace, the way the AWS SDK and ECS clients read them.
 * DTDs are refused (no entity expansion).
 *
 * @module
 */

/** A syntax error in an XML document, with the offset where it was found. */
export class XmlSyntaxError extends Error {
  override readonly name = "XmlSyntaxError";

  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at offset ${offset})`);
  }
}

/** One parsed element: local name, attributes, child elements and its own text. */
export class XmlElement {
  readonly children: XmlElement[] = [];
  /** The element's text content (the text directly inside it, entities decoded). */
  text = "";

  constructor(
    readonly name: string,
    readonly attributes: Readonly<Record<string, string>>,
  ) {}

  /** The first child named `name`, or `undefined`. */
  first(name: string): XmlElement | undefined {
    return this.children.find((c) => c.name === name);
  }

  /** Every child named `name`, in document order. */
  all(name: string): XmlElement[] {
    return this.children.filter((c) => c.name === name);
  }

  /** The text of the first child named `name`, or `undefined` when there is no such child. */
  textOf(name: string): string | undefined {
    return this.first(name)?.text;
  }
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const ATTRIBUTE = /^\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*')/;

/**
 * Parses a complete document and returns its root element.
 *
 * @throws {@link XmlSyntaxError} when the document is not well-formed, or has a DTD.
 */
export function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > i) {
      const raw = source.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top) top.text += decodeEntities(raw, i);
      else if (raw.trim() !== "") throw new XmlSyntaxError("text outside the root element", i);
    }
    if (lt < 0) break;
    i = lt;
    if (source.startsWith("<?", i)) {
      i = skipPast(source, "?>", i);
    } else if (source.startsWith("<!--", i)) {
      i = skipPast(source, "-->", i);
    } else if (source.startsWith("<![CDATA[", i)) {
      const end = source.indexOf("]]>", i);
      if (end < 0) throw new XmlSyntaxError("unterminated CDATA section", i);
      const top = stack[stack.length - 1];
      if (!top) throw new XmlSyntaxError("CDATA outside the root element", i);
      top.text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith("<!", i)) {
      throw new XmlSyntaxError("document type declarations are not accepted", i);
    } else if (source.startsWith("</", i)) {
      const end = source.indexOf(">", i);
      if (end < 0) throw new XmlSyntaxError("unterminated end tag", i);
      const name = localName(source.slice(i + 2, end).trim());
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlSyntaxError(`unexpected </${name}>`, i);
      i = end + 1;
    } else {
      i = openTag(source, i, stack, (element) => {
        if (stack.length === 0) {
          if (root) throw new XmlSyntaxError("more than one root element", i);
          root = element;
        } else {
          stack[stack.length - 1]?.children.push(element);
        }
      });
    }
  }
  if (stack.length > 0)
    throw new XmlSyntaxError(`<${stack[stack.length - 1]?.name}> is not closed`, source.length);
  if (!root) throw new XmlSyntaxError("the document has no root element", 0);
  return root;
}

function openTag(
  source: string,
  start: number,
  stack: XmlElement[],
  attach: (e: XmlElement) => void,
): number {
  let i = start + 1;
  const name = NAME.exec(source.slice(i, i + 256))?.[0];
  if (!name) throw new XmlSyntaxError("expected an element name", i);
  i += name.length;
  const attributes: Record<string, string> = {};
  for (;;) {
    const rest = source.slice(i, i + 4096);
    const attribute = ATTRIBUTE.exec(rest);
    if (!attribute) break;
    const [whole, attrName, quoted] = attribute as unknown as [string, string, string];
    attributes[attrName] = decodeEntities(quoted.slice(1, -1), i);
    i += whole.length;
  }
  while (/\s/.test(source[i] ?? "")) i++;
  const element = new XmlElement(localName(name), attributes);
  if (source.startsWith("/>", i)) {
    attach(element);
    return i + 2;
  }
  if (source[i] !== ">") throw new XmlSyntaxError(`malformed start tag <${name}>`, i);
  attach(element);
  stack.push(element);
  return i + 1;
}

function skipPast(source: string, terminator: string, from: number): number {
  const end = source.indexOf(terminator, from);
  if (end < 0) throw new XmlSyntaxError(`expected "${terminator}"`, from);
  return end + terminator.length;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string, offset: number): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[a-z]+);|&/g, (whole, entity: string | undefined) => {
    if (entity === undefined) throw new XmlSyntaxError("a bare & must be written &amp;", offset);
    if (entity.startsWith("#")) {
      const code = entity.startsWith("#x")
        ? Number.parseInt(entity.slice(2), 16)
        : Number.parseInt(entity.slice(1), 10);
      if (code > 0x10ffff) throw new XmlSyntaxError(`${whole} is not a character`, offset);
      return String.fromCodePoint(code);
    }
    const named = NAMED[entity];
    if (named === undefined) throw new XmlSyntaxError(`unknown entity ${whole}`, offset);
    return named;
  });
}
