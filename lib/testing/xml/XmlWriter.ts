/**
 * A tiny XML writer for the emulator's response documents: a tree of {@link XmlNode}s rendered to a
 * string, with text escaped so that any object key or metadata value survives.
 *
 * @module
 */

/** What an element holds: text (numbers and booleans are written as text), children, or nothing. */
export type XmlContent = string | number | boolean | readonly XmlChild[] | undefined;

/** A child slot: `undefined`, `false` and `null` are skipped, which keeps optional elements inline. */
export type XmlChild = XmlNode | undefined | false | null;

/** One element. */
export interface XmlNode {
  readonly name: string;
  readonly content?: XmlContent;
  readonly attributes?: Readonly<Record<string, string>>;
}

/** The S3 document namespace, `http://s3.amazonaws.com/doc/2006-03-01/`. */
export const S3_XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

/** Shorthand for an {@link XmlNode}. */
export function el(
  name: string,
  content?: XmlContent,
  attributes?: Readonly<Record<string, string>>,
): XmlNode {
  return attributes === undefined ? { name, content } : { name, content, attributes };
}

/** An element only when `value` is defined: `opt("NextMarker", next)`. */
export function opt(name: string, value: string | number | boolean | undefined): XmlNode | undefined {
  return value === undefined ? undefined : { name, content: value };
}

/** A root element in the S3 namespace. */
export function s3Root(name: string, children: readonly XmlChild[]): XmlNode {
  return { name, content: children, attributes: { xmlns: S3_XMLNS } };
}

/** Renders `root` as a document, with the XML declaration S3 sends. */
export function renderXml(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root)}`;
}

/**
 * Escapes text for element content or attribute values. Characters that XML 1.0 cannot carry
 * (control characters other than tab, newline and carriage return) become numeric references, as
 * S3 does for such object keys.
 */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "'":
        return "&apos;";
      default:
        return `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
    }
  });
}

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

// String concatenation (V8 ropes) beats collecting parts in an array for the many small pieces here.
function write(node: XmlNode): string {
  let open = `<${node.name}`;
  if (node.attributes)
    for (const [name, value] of Object.entries(node.attributes)) open += ` ${name}="${escapeXml(value)}"`;
  const content = node.content;
  if (content === undefined || content === "" || (typeof content === "object" && content.length === 0))
    return `${open}/>`;
  let inner = "";
  if (typeof content === "object") {
    for (const child of content) if (child) inner += write(child);
  } else {
    const text = String(content);
    inner = NEEDS_ESCAPE.test(text) ? escapeXml(text) : text;
  }
  return `${open}>${inner}</${node.name}>`;
}
