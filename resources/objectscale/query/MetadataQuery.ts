/**
 * A metadata-search expression: conditions on indexed keys joined with `and` / `or`, written in
 * the grammar of ObjectScale's `GET /{bucket}?query=` (reference §3.6).
 *
 * @module
 */
import { ValidationError } from "../../../lib/errors.js";
import { renderValue } from "../../../lib/validation/index.js";
import { formatLiteral, type QuoteStyle, type SearchDatatype } from "./literals.js";

/**
 * The comparison operators of the grammar. It has no `!=`, `like` or negation; a comparison the
 * grammar cannot express is refused rather than approximated.
 */
export type SearchOperator = "==" | ">" | "<" | ">=" | "<=";

/** Every operator of the grammar. */
export const SEARCH_OPERATORS: readonly SearchOperator[] = ["==", ">", "<", ">=", "<="];

/** One comparison: `key op literal`. */
export interface SearchCondition {
  readonly kind: "condition";
  readonly key: string;
  readonly datatype: SearchDatatype;
  readonly operator: SearchOperator;
  /** The value as given (checked); written as a literal of its datatype. */
  readonly value: unknown;
}

/** Terms joined by one conjunction; nested compound terms are written in parentheses. */
export interface SearchJunction {
  readonly kind: "and" | "or";
  readonly terms: readonly SearchNode[];
}

/** A node of the expression tree. */
export type SearchNode = SearchCondition | SearchJunction;

/** Options of {@link MetadataQuery.format}. */
export interface FormatOptions {
  /**
   * The quote of string literals. The reference (§15.5) saw single quotes in Dell's Java client
   * tests and double quotes in its .NET tests; a value containing the preferred quote is written
   * with the other one.
   * @default "'"
   */
  readonly quote?: QuoteStyle;
}

/**
 * An immutable metadata-search expression, built with `searchKey(...)` comparisons and
 * {@link MetadataQuery.and | and} / {@link MetadataQuery.or | or}. Pass it as `Query` to
 * `client.queryObjects()`; its {@link MetadataQuery.keys | keys} let the client check `Sorted`.
 *
 * Every value was checked when its condition was made, so formatting never fails. Terms of one
 * conjunction are flattened (`a and b and c`); a compound term inside the other conjunction is
 * parenthesised (`a and (b or c)`), because the reference does not say which binds tighter.
 *
 * @example
 * ```ts
 * const q = searchKey("Size").gt(1024).and(searchKey("x-amz-meta-dept", "string").eq("sales"));
 * q.toString(); // "Size>1024 and x-amz-meta-dept=='sales'"
 * await client.queryObjects({ Bucket: "invoices", Query: q, Sorted: "Size" });
 * ```
 */
export class MetadataQuery {
  /** The expression tree. */
  readonly node: SearchNode;

  /** @throws {@link ValidationError} when `node` is not a valid tree (an operator outside the grammar, a junction of fewer than two terms). */
  constructor(node: SearchNode) {
    checkNode(node);
    this.node = node;
  }

  /**
   * This expression `and` the others.
   *
   * @example
   * ```ts
   * searchKey("Size").ge(1).and(searchKey("Size").le(9)).toString(); // "Size>=1 and Size<=9"
   * ```
   */
  and(...others: readonly MetadataQuery[]): MetadataQuery {
    return and(this, ...others);
  }

  /**
   * This expression `or` the others.
   *
   * @example
   * ```ts
   * searchKey("Owner").eq("ann").or(searchKey("Owner").eq("bob")).toString(); // "Owner=='ann' or Owner=='bob'"
   * ```
   */
  or(...others: readonly MetadataQuery[]): MetadataQuery {
    return or(this, ...others);
  }

  /**
   * Joins expressions with `and`; see {@link and}.
   *
   * @example
   * ```ts
   * MetadataQuery.and(searchKey("Size").gt(0), searchKey("Owner").eq("ann")).toString(); // "Size>0 and Owner=='ann'"
   * ```
   * @throws {@link ValidationError} when no expression is given.
   */
  static and(...terms: readonly MetadataQuery[]): MetadataQuery {
    return and(...terms);
  }

  /**
   * Joins expressions with `or`; see {@link or}.
   *
   * @example
   * ```ts
   * MetadataQuery.or(searchKey("Size").lt(10), searchKey("Size").gt(99)).toString(); // "Size<10 or Size>99"
   * ```
   * @throws {@link ValidationError} when no expression is given.
   */
  static or(...terms: readonly MetadataQuery[]): MetadataQuery {
    return or(...terms);
  }

  /** The keys the expression compares, in order of first appearance. */
  get keys(): readonly string[] {
    const seen = new Set<string>();
    const walk = (n: SearchNode): void => {
      if (n.kind === "condition") seen.add(n.key);
      else n.terms.forEach(walk);
    };
    walk(this.node);
    return [...seen];
  }

  /**
   * Writes the expression.
   *
   * @example
   * ```ts
   * searchKey("ObjectName").eq("it's").format({ quote: '"' }); // 'ObjectName=="it\'s"'
   * ```
   */
  format(options: FormatOptions = {}): string {
    return write(this.node, options.quote ?? "'", false);
  }

  /**
   * The expression with the default options of {@link MetadataQuery.format} (single-quoted
   * strings): what is sent as the query of a metadata search.
   *
   * @example
   * ```ts
   * const q = searchKey("Size").gt(1024).and(searchKey("x-amz-meta-dept", "string").eq("sales"));
   * String(q); // "Size>1024 and x-amz-meta-dept=='sales'"
   * ```
   */
  toString(): string {
    return this.format();
  }
}

/**
 * Joins expressions with `and`.
 *
 * @example
 * ```ts
 * and(searchKey("Size").gt(0), searchKey("Owner").eq("ann")).toString(); // "Size>0 and Owner=='ann'"
 * ```
 * @throws {@link ValidationError} when no expression is given.
 */
export function and(...terms: readonly MetadataQuery[]): MetadataQuery {
  return junction("and", terms);
}

/**
 * Joins expressions with `or`.
 *
 * @example
 * ```ts
 * or(searchKey("Size").lt(10), searchKey("Size").gt(99)).toString(); // "Size<10 or Size>99"
 * ```
 * @throws {@link ValidationError} when no expression is given.
 */
export function or(...terms: readonly MetadataQuery[]): MetadataQuery {
  return junction("or", terms);
}

function junction(kind: "and" | "or", terms: readonly MetadataQuery[]): MetadataQuery {
  if (terms.length === 0 || !terms.every((t) => t instanceof MetadataQuery)) {
    throw new ValidationError("MetadataQuery", [
      { field: kind, expected: "one or more MetadataQuery expressions", received: renderValue(terms) },
    ]);
  }
  if (terms.length === 1) return terms[0]!;
  const flat = terms.flatMap((t) => (t.node.kind === kind ? t.node.terms : [t.node]));
  return new MetadataQuery({ kind, terms: flat });
}

/**
 * Checks a tree built by hand: operators of the grammar, junctions of at least two terms.
 * (Conditions made by `searchKey` are already checked.)
 *
 * @example
 * ```ts
 * checkNode({ kind: "and", terms: [] }); // throws: at least two terms
 * ```
 * @throws {@link ValidationError} naming the first bad node.
 */
export function checkNode(node: SearchNode): void {
  if (node.kind === "condition") {
    if (!SEARCH_OPERATORS.includes(node.operator)) {
      throw new ValidationError("MetadataQuery", [
        {
          field: node.key,
          expected: `one of the operators ${SEARCH_OPERATORS.join(" ")} (the grammar has no others)`,
          received: renderValue(node.operator),
        },
      ]);
    }
    return;
  }
  if (node.terms.length < 2) {
    throw new ValidationError("MetadataQuery", [
      { field: node.kind, expected: "at least two terms", received: renderValue(node.terms) },
    ]);
  }
}

function write(node: SearchNode, quote: QuoteStyle, nested: boolean): string {
  if (node.kind === "condition") {
    return `${node.key}${node.operator}${formatLiteral(node.datatype, node.value, quote)}`;
  }
  const text = node.terms.map((t) => write(t, quote, true)).join(` ${node.kind} `);
  return nested ? `(${text})` : text;
}
