/**
 * The storage behind {@link EventEmitter}: registrations kept in a trie keyed on the dot-separated
 * segments of their pattern, and the rule that turns an emitted name into an ordered list of them.
 *
 * @module
 */

/**
 * Where a registration sits among the others on the same pattern: `first` ones run before
 * `middle` ones (plain `register`), which run before `last` ones.
 */
export type Section = "first" | "middle" | "last";

const SECTIONS: readonly Section[] = ["first", "middle", "last"];

/** The segment that matches any one segment of an emitted name. */
const WILDCARD = "*";

class TrieNode<T> {
  readonly children = new Map<string, TrieNode<T>>();
  readonly first: T[] = [];
  readonly middle: T[] = [];
  readonly last: T[] = [];

  get hasItems(): boolean {
    return this.first.length > 0 || this.middle.length > 0 || this.last.length > 0;
  }
}

/** One node that matched an emitted name, with the pattern that leads to it. */
interface Match<T> {
  readonly segments: readonly string[];
  readonly node: TrieNode<T>;
}

/**
 * Items (registrations) stored by pattern, in three ordered sections per pattern.
 *
 * A pattern is a dot-separated name such as `before-call.s3.*`; a whole `*` segment is a wildcard.
 * The instances only store; {@link PrefixTrie.resolve} decides what an emitted name reaches and in
 * which order. Nodes left empty by a removal are pruned, so registering and disposing handlers on
 * ever-new patterns does not grow the trie.
 *
 * @typeParam T - What is stored; compared by identity on removal.
 *
 * @example
 * ```ts
 * const trie = new PrefixTrie<string>();
 * trie.add("a.*", "middle", "h1");
 * trie.add("a.b", "first", "h2");
 * PrefixTrie.resolve([trie], "a.b.c"); // ["h2", "h1"]: a.b is as deep as a.* but literal
 * ```
 */
export class PrefixTrie<T> {
  readonly #root = new TrieNode<T>();

  /** True when nothing is stored (and, pruning being eager, no node is left). */
  get isEmpty(): boolean {
    return this.#root.children.size === 0;
  }

  /** Appends `item` to `section` of `pattern`, after the items already there. */
  add(pattern: string, section: Section, item: T): void {
    let node = this.#root;
    for (const segment of pattern.split(".")) {
      let child = node.children.get(segment);
      if (child === undefined) {
        child = new TrieNode<T>();
        node.children.set(segment, child);
      }
      node = child;
    }
    node[section].push(item);
  }

  /**
   * The first item of exactly `pattern` (no prefix or wildcard matching) that satisfies
   * `predicate`, searching `first`, then `middle`, then `last`.
   */
  find(pattern: string, predicate: (item: T) => boolean): T | undefined {
    const node = this.#nodeAt(pattern);
    if (node === undefined) return undefined;
    for (const section of SECTIONS) {
      const found = node[section].find(predicate);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Removes `item` from `pattern`; false when it is not stored there. */
  remove(pattern: string, item: T): boolean {
    const path: TrieNode<T>[] = [this.#root];
    const segments = pattern.split(".");
    for (const segment of segments) {
      const child = path[path.length - 1]!.children.get(segment);
      if (child === undefined) return false;
      path.push(child);
    }
    const node = path[path.length - 1]!;
    const removed = SECTIONS.some((section) => {
      const index = node[section].indexOf(item);
      if (index >= 0) node[section].splice(index, 1);
      return index >= 0;
    });
    for (let depth = segments.length; removed && depth > 0; depth--) {
      const current = path[depth]!;
      if (current.hasItems || current.children.size > 0) break;
      path[depth - 1]!.children.delete(segments[depth - 1]!);
    }
    return removed;
  }

  /**
   * Every item that emitting `name` reaches, in call order, across a chain of tries.
   *
   * Patterns are ordered by specificity: deeper first; at equal depth the first position where
   * two patterns differ decides, a literal segment before `*`. Within one pattern the sections run
   * in order (`first`, `middle`, `last`); within a section the tries' items come in chain order, so
   * an ancestor emitter's handlers run as if they had been registered before its descendant's.
   *
   * @param tries - The emitter chain's tries, the root ancestor first.
   * @param name - The emitted name, such as `before-call.s3.PutObject`.
   *
   * @example
   * ```ts
   * PrefixTrie.resolve([sessionTrie, clientTrie], "before-call.s3.PutObject");
   * ```
   */
  static resolve<T>(tries: readonly PrefixTrie<T>[], name: string): T[] {
    const byPattern = new Map<string, Match<T>[]>();
    const segments = name.split(".");
    for (const trie of tries) trie.#collect(trie.#root, segments, [], byPattern);
    const groups = [...byPattern.values()].sort((a, b) => bySpecificity(a[0]!.segments, b[0]!.segments));
    const ordered: T[] = [];
    for (const group of groups) {
      for (const section of SECTIONS) {
        for (const { node } of group) ordered.push(...node[section]);
      }
    }
    return ordered;
  }

  #collect(node: TrieNode<T>, name: readonly string[], path: string[], into: Map<string, Match<T>[]>): void {
    const segment = name[path.length];
    if (segment === undefined) return;
    this.#visit(node.children.get(segment), segment, name, path, into);
    // An emitted `*` segment has already reached the wildcard child as a literal.
    if (segment !== WILDCARD) this.#visit(node.children.get(WILDCARD), WILDCARD, name, path, into);
  }

  #visit(
    child: TrieNode<T> | undefined,
    key: string,
    name: readonly string[],
    path: string[],
    into: Map<string, Match<T>[]>,
  ): void {
    if (child === undefined) return;
    path.push(key);
    if (child.hasItems) {
      const pattern = path.join(".");
      const match = { segments: [...path], node: child };
      const matches = into.get(pattern);
      if (matches === undefined) into.set(pattern, [match]);
      else matches.push(match);
    }
    this.#collect(child, name, path, into);
    path.pop();
  }

  #nodeAt(pattern: string): TrieNode<T> | undefined {
    let node: TrieNode<T> | undefined = this.#root;
    for (const segment of pattern.split(".")) {
      node = node.children.get(segment);
      if (node === undefined) return undefined;
    }
    return node;
  }
}

/**
 * Orders patterns that matched one name: deeper first; at equal depth the first position where
 * they differ decides, a literal segment before `*`. Two different patterns that match the same
 * name differ in some position where one has the literal and the other `*`, so the order is total.
 */
function bySpecificity(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return b.length - a.length;
  for (let i = 0; i < a.length; i++) {
    const aWild = a[i] === WILDCARD;
    if (aWild !== (b[i] === WILDCARD)) return aWild ? 1 : -1;
  }
  return 0;
}
