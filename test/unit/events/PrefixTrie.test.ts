import { expect } from "chai";
import { PrefixTrie } from "../../../lib/events/PrefixTrie.js";

describe(PrefixTrie.name, () => {
  describe(".remove()", () => {
    it("prunes the nodes it leaves empty", () => {
      const trie = new PrefixTrie<string>();
      trie.add("a.b.c", "middle", "x");
      trie.add("a.*", "last", "y");
      expect(trie.remove("a.b.c", "x")).to.equal(true);
      expect(trie.isEmpty).to.equal(false);
      expect(trie.remove("a.*", "y")).to.equal(true);
      expect(trie.isEmpty).to.equal(true);
    });

    it("keeps a node that still has children", () => {
      const trie = new PrefixTrie<string>();
      trie.add("a", "middle", "x");
      trie.add("a.b", "middle", "y");
      trie.remove("a", "x");
      expect(PrefixTrie.resolve([trie], "a.b")).to.deep.equal(["y"]);
    });

    it("returns false for an item or pattern it does not hold", () => {
      const trie = new PrefixTrie<string>();
      trie.add("a", "middle", "x");
      expect(trie.remove("a", "y")).to.equal(false);
      expect(trie.remove("a.b", "x")).to.equal(false);
      expect(trie.remove("b", "x")).to.equal(false);
    });
  });

  describe(".find()", () => {
    it("searches first, then middle, then last, at exactly the pattern", () => {
      const trie = new PrefixTrie<string>();
      trie.add("a", "last", "last-x");
      trie.add("a", "middle", "middle-x");
      trie.add("a.b", "first", "deeper-x");
      expect(trie.find("a", (item) => item.endsWith("x"))).to.equal("middle-x");
      expect(trie.find("a.c", () => true)).to.equal(undefined);
    });
  });

  describe(".resolve()", () => {
    it("does not double-count the wildcard child when the emitted name has a * segment", () => {
      const trie = new PrefixTrie<string>();
      trie.add("a.*", "middle", "x");
      expect(PrefixTrie.resolve([trie], "a.*")).to.deep.equal(["x"]);
    });

    it("merges tries pattern by pattern, earlier tries first within each section", () => {
      const parent = new PrefixTrie<string>();
      const child = new PrefixTrie<string>();
      child.add("a", "first", "child-first");
      parent.add("a", "middle", "parent-mid");
      parent.add("a", "first", "parent-first");
      child.add("a.b", "last", "child-deep");
      expect(PrefixTrie.resolve([parent, child], "a.b")).to.deep.equal([
        "child-deep",
        "parent-first",
        "child-first",
        "parent-mid",
      ]);
    });
  });
});
