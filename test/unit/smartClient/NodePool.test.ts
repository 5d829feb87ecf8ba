import { expect } from "chai";
import { hashBucket, NodePool } from "../../../lib/smart/NodePool.js";
import { parseHost } from "../../../lib/smart/options.js";

const hosts = (...names: string[]) => names.map((n) => parseHost(n, 9020)!);
const passed = { at: new Date(), ok: true, durationMs: 1 };
const failedCheck = { at: new Date(), ok: false, durationMs: 1, reason: "HTTP 500", statusCode: 500 };

function pool(groups: string[][], backoffMs = 10_000) {
  const changes: string[] = [];
  const p = new NodePool(
    groups.map((g) => hosts(...g)),
    backoffMs,
    (node, up, reason) => changes.push(`${up ? "up" : "down"}:${reason}:${node.address.hostname}`),
  );
  return { p, changes };
}

describe(NodePool.name, function () {
  describe(".choose()", function () {
    it("goes round-robin over idle nodes", function () {
      const { p } = pool([["a", "b", "c"]]);
      expect(Array.from({ length: 6 }, () => p.choose(undefined).address.hostname)).to.deep.equal(["a", "b", "c", "a", "b", "c"]);
    });

    it("prefers the node with the fewest attempts in flight", function () {
      const { p } = pool([["a", "b", "c"]]);
      const [a, b] = p.nodes();
      a!.inFlight = 2;
      b!.inFlight = 1;
      expect(p.choose(undefined).address.hostname).to.equal("c");
      p.nodes()[2]!.inFlight = 3;
      expect(p.choose(undefined).address.hostname).to.equal("b");
    });

    it("skips nodes out of the rotation, and uses them all when none is in it", function () {
      const { p } = pool([["a", "b"]]);
      p.checked(p.nodes()[0]!, failedCheck);
      expect(Array.from({ length: 3 }, () => p.choose(undefined).address.hostname)).to.deep.equal(["b", "b", "b"]);
      p.checked(p.nodes()[1]!, failedCheck);
      expect(new Set(Array.from({ length: 4 }, () => p.choose(undefined).address.hostname))).to.deep.equal(new Set(["a", "b"]));
    });

    it("keeps a bucket in its hashed group, then the next group in hash order while its group is down", function () {
      const { p } = pool([["a1", "a2"], ["b1", "b2"], ["c1"]]);
      const bucket = "invoices";
      const home = hashBucket(bucket) % 3;
      const groupOf = (name: string) => "abc".indexOf(name[0]!);
      for (let i = 0; i < 4; i++) expect(groupOf(p.choose(bucket).address.hostname)).to.equal(home);
      for (const node of p.group(home)) p.checked(node, failedCheck);
      for (let i = 0; i < 4; i++) expect(groupOf(p.choose(bucket).address.hostname)).to.equal((home + 1) % 3);
      p.checked(p.group(home)[0]!, passed);
      expect(groupOf(p.choose(bucket).address.hostname)).to.equal(home);
    });

    it("spreads calls without a bucket over every group", function () {
      const { p } = pool([["a"], ["b"]]);
      expect([p.choose(undefined), p.choose(undefined)].map((n) => n.address.hostname).sort()).to.deep.equal(["a", "b"]);
    });
  });

  describe(".failed()", function () {
    it("takes the node out for the back-off, reports it once, and back when the back-off is over", async function () {
      const { p, changes } = pool([["a", "b"]], 30);
      const a = p.nodes()[0]!;
      p.failed(a, new Error("ECONNRESET"));
      p.failed(a, new Error("ECONNRESET"));
      expect(changes).to.deep.equal(["down:request-failed:a"]);
      expect(p.choose(undefined).address.hostname).to.equal("b");
      await new Promise((r) => setTimeout(r, 40));
      p.choose(undefined);
      expect(changes).to.deep.equal(["down:request-failed:a", "up:backoff-expired:a"]);
    });

    it("lets a passing health check end the back-off early", function () {
      const { p, changes } = pool([["a"]], 60_000);
      p.failed(p.nodes()[0]!, new Error("x"));
      p.checked(p.nodes()[0]!, passed);
      expect(changes).to.deep.equal(["down:request-failed:a", "up:health-check-passed:a"]);
      expect(p.nodes()[0]!.stats(Date.now()).backoffUntil).to.equal(undefined);
    });

    it("does nothing with a zero back-off", function () {
      const { p, changes } = pool([["a"]], 0);
      p.failed(p.nodes()[0]!, new Error("x"));
      expect(changes).to.deep.equal([]);
    });
  });

  describe(".replaceGroup()", function () {
    it("keeps the state of nodes that stay and reports the ones added and removed", function () {
      const { p, changes } = pool([["a", "b"]]);
      p.nodes()[0]!.requests = 5;
      p.replaceGroup(0, hosts("a", "c"));
      expect(p.nodes().map((n) => [n.address.hostname, n.requests])).to.deep.equal([["a", 5], ["c", 0]]);
      expect(changes).to.deep.equal(["down:removed:b", "up:added:c"]);
    });
    it("keeps the nodes when discovery finds none", function () {
      const { p } = pool([["a"]]);
      p.replaceGroup(0, []);
      expect(p.nodes()).to.have.length(1);
    });
  });

  it("hashes bucket names with FNV-1a, stable across runs", function () {
    expect(hashBucket("")).to.equal(0x811c9dc5);
    expect(hashBucket("a")).to.equal(0xe40c292c);
  });
});
