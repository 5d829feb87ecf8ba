/**
 * The parser of ECS metadata-query expressions (`GET /{bucket}?query=…`, reference §3.6):
 *
 * ```text
 * expression := term ( SP ("and"|"or") SP term )*
 * term       := condition | "(" expression ")"
 * condition  := selector operator argument
 * operator   := "==" | ">" | "<" | ">=" | "<="
 * ```
 *
 * `and` binds tighter than `or`. Conjunctions are lower-case words with spaces on both sides; spaces
 * around operators and inside parentheses are tolerated. Arguments are either quoted (`'…'` or
 * `"…"`, no escapes) or bare (`42`, `3.5`, `2015-01-01T00:00:00Z`); which form a key needs is
 * checked later, against the key's datatype ({@link bindMetadataQuery}).
 *
 * @module
 */

/** The comparison operators of the grammar. */
export type ComparisonOperator = "==" | ">" | "<" | ">=" | "<=";

/** An argument as written: quoted (a string) or bare (a number or a datetime). */
export interface QueryLiteral {
  readonly kind: "quoted" | "bare";
  readonly value: string;
}

/** A parsed expression. */
export type QueryExpression =
  | {
      readonly kind: "condition";
      readonly selector: string;
      readonly operator: ComparisonOperator;
      readonly argument: QueryLiteral;
      /** Offset of the selector in the expression text. */
      readonly offset: number;
    }
  | { readonly kind: "and" | "or"; readonly left: QueryExpression; readonly right: QueryExpression };

/** An expression the grammar cannot express, with the offset of the offending token. */
export class MetadataQueryError extends Error {
  override readonly name = "MetadataQueryError";

  constructor(
    detail: string,
    readonly offset: number,
  ) {
    super(`${detail} (at offset ${offset})`);
  }
}

type TokenKind = "(" | ")" | "operator" | "quoted" | "word" | "end";

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly offset: number;
  readonly spaceBefore: boolean;
}

const SELECTOR = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const WORD_END = /[\s()'"=<>!]/;

/**
 * Parses `text` into an expression tree.
 *
 * @throws {@link MetadataQueryError} for anything outside the grammar: `!=`, a single `=`, unbalanced
 * parentheses or quotes, upper-case or unspaced conjunctions, a missing operator or argument.
 */
export function parseMetadataQuery(text: string): QueryExpression {
  const tokens = tokenize(text);
  let position = 0;
  const peek = (): Token =>
    tokens[position] ?? { kind: "end", text: "", offset: text.length, spaceBefore: false };
  const take = (): Token => {
    const token = peek();
    position += 1;
    return token;
  };

  const conjunction = (word: "and" | "or"): boolean => {
    const token = peek();
    if (token.kind !== "word" || token.text.toLowerCase() !== word) return false;
    if (token.text !== word)
      throw new MetadataQueryError(
        `conjunctions are lower-case: write "${word}", not "${token.text}"`,
        token.offset,
      );
    const next = tokens[position + 1];
    if (!token.spaceBefore || (next !== undefined && !next.spaceBefore)) {
      throw new MetadataQueryError(`"${word}" must have a space on both sides`, token.offset);
    }
    position += 1;
    return true;
  };

  const parseOr = (): QueryExpression => {
    let left = parseAnd();
    while (conjunction("or")) left = { kind: "or", left, right: parseAnd() };
    return left;
  };

  const parseAnd = (): QueryExpression => {
    let left = parseTerm();
    while (conjunction("and")) left = { kind: "and", left, right: parseTerm() };
    return left;
  };

  const parseTerm = (): QueryExpression => {
    const token = take();
    if (token.kind === "(") {
      const inner = parseOr();
      const close = take();
      if (close.kind !== ")")
        throw new MetadataQueryError(`expected ")", found ${describe(close)}`, close.offset);
      return inner;
    }
    if (token.kind !== "word")
      throw new MetadataQueryError(`expected a key or "(", found ${describe(token)}`, token.offset);
    if (!SELECTOR.test(token.text))
      throw new MetadataQueryError(`"${token.text}" is not a key name`, token.offset);
    const operator = take();
    if (operator.kind !== "operator") {
      throw new MetadataQueryError(
        `expected an operator (==, >, <, >=, <=) after ${token.text}, found ${describe(operator)}`,
        operator.offset,
      );
    }
    const argument = take();
    if (argument.kind !== "quoted" && argument.kind !== "word") {
      throw new MetadataQueryError(
        `expected a value after ${token.text}${operator.text}, found ${describe(argument)}`,
        argument.offset,
      );
    }
    return {
      kind: "condition",
      selector: token.text,
      operator: operator.text as ComparisonOperator,
      argument: { kind: argument.kind === "quoted" ? "quoted" : "bare", value: argument.text },
      offset: token.offset,
    };
  };

  if (tokens.length === 0) throw new MetadataQueryError("the query is empty", 0);
  const expression = parseOr();
  const rest = peek();
  if (rest.kind !== "end") {
    const hint =
      rest.kind === "word" && /^(and|or)$/i.test(rest.text)
        ? `: conjunctions are lower-case with spaces around them`
        : "";
    throw new MetadataQueryError(`unexpected ${describe(rest)}${hint}`, rest.offset);
  }
  return expression;
}

/** The selectors of `expression`, left to right, each once. */
export function selectorsOf(expression: QueryExpression): string[] {
  if (expression.kind === "condition") return [expression.selector];
  const all = [...selectorsOf(expression.left), ...selectorsOf(expression.right)];
  return all.filter((s, i) => all.indexOf(s) === i);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    while (i < text.length && /\s/.test(text[i] ?? "")) i++;
    if (i >= text.length) break;
    const spaceBefore = i > start || i === 0;
    const c = text[i] ?? "";
    const offset = i;
    if (c === "(" || c === ")") {
      tokens.push({ kind: c, text: c, offset, spaceBefore });
      i++;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new MetadataQueryError(`unterminated ${c}-quoted value`, offset);
      tokens.push({ kind: "quoted", text: text.slice(i + 1, end), offset, spaceBefore });
      i = end + 1;
    } else if (c === "=" || c === "<" || c === ">" || c === "!") {
      const two = text.slice(i, i + 2);
      if (two === "==" || two === ">=" || two === "<=") {
        tokens.push({ kind: "operator", text: two, offset, spaceBefore });
        i += 2;
      } else if (c === "<" || c === ">") {
        tokens.push({ kind: "operator", text: c, offset, spaceBefore });
        i += 1;
      } else if (two === "!=") {
        throw new MetadataQueryError("!= is not supported: the operators are ==, >, <, >=, <=", offset);
      } else {
        throw new MetadataQueryError(`"${c}" is not an operator: use == for equality`, offset);
      }
    } else {
      let end = i;
      while (end < text.length && !WORD_END.test(text[end] ?? "")) end++;
      tokens.push({ kind: "word", text: text.slice(i, end), offset, spaceBefore });
      i = end;
    }
  }
  return tokens;
}

function describe(token: Token): string {
  switch (token.kind) {
    case "end":
      return "the end of the query";
    case "quoted":
      return `the quoted value '${token.text}'`;
    case "(":
    case ")":
    case "operator":
    case "word":
      return `"${token.text}"`;
  }
}
