import { expect } from "chai";
import { EventEmitter } from "../../../lib/events/index.js";
import { logs } from "./testEvents.js";

function emitted(events: EventEmitter, name: `test-sync.${string}`): string[] {
  const log: string[] = [];
  events.emit(name, { log });
  return log;
}

describe(EventEmitter.name, () => {
  describe(".child()", () => {
    it("runs the parent's handlers, including ones registered after the child was made", () => {
      const session = new EventEmitter();
      session.register("test-sync.a", logs("before"));
      const client = session.child();
      expect(emitted(client, "test-sync.a")).to.deep.equal(["before"]);
      session.register("test-sync.a", logs("after"));
      expect(emitted(client, "test-sync.a")).to.deep.equal(["before", "after"]);
    });

    it("stops running a parent's handler once the parent unregisters it", () => {
      const session = new EventEmitter();
      const client = session.child();
      const dispose = session.register("test-sync.a", logs("h"));
      expect(emitted(client, "test-sync.a")).to.deep.equal(["h"]);
      dispose();
      expect(emitted(client, "test-sync.a")).to.deep.equal([]);
    });

    it("keeps the child's handlers from the parent and from sibling children", () => {
      const session = new EventEmitter();
      const one = session.child();
      const two = session.child();
      one.register("test-sync.a", logs("one"));
      expect(emitted(one, "test-sync.a")).to.deep.equal(["one"]);
      expect(emitted(session, "test-sync.a")).to.deep.equal([]);
      expect(emitted(two, "test-sync.a")).to.deep.equal([]);
    });

    it("layers recursively through grandparents", () => {
      const root = new EventEmitter();
      const middle = root.child();
      const leaf = middle.child();
      expect(leaf.parent).to.equal(middle);
      root.register("test-sync", logs("root"));
      middle.register("test-sync.a", logs("middle"));
      leaf.register("test-sync.a.b", logs("leaf"));
      expect(emitted(leaf, "test-sync.a.b")).to.deep.equal(["leaf", "middle", "root"]);
      root.register("test-sync.a.b", logs("root-late"));
      expect(emitted(leaf, "test-sync.a.b")).to.deep.equal(["root-late", "leaf", "middle", "root"]);
    });

    it("runs the parent's handlers before the child's on the same pattern, section by section", () => {
      const session = new EventEmitter();
      const client = new EventEmitter({ parent: session });
      client.registerLast("test-sync.a", logs("client-last"));
      client.register("test-sync.a", logs("client-mid"));
      client.registerFirst("test-sync.a", logs("client-first"));
      session.registerLast("test-sync.a", logs("session-last"));
      session.register("test-sync.a", logs("session-mid"));
      session.registerFirst("test-sync.a", logs("session-first"));
      expect(emitted(client, "test-sync.a")).to.deep.equal([
        "session-first",
        "client-first",
        "session-mid",
        "client-mid",
        "session-last",
        "client-last",
      ]);
    });

    it("orders the parent's and the child's patterns by specificity alone", () => {
      const session = new EventEmitter();
      const client = session.child();
      client.register("test-sync", logs("client-kind"));
      session.register("test-sync.a.b", logs("session-deep"));
      client.register("test-sync.*.b", logs("client-wild"));
      expect(emitted(client, "test-sync.a.b")).to.deep.equal(["session-deep", "client-wild", "client-kind"]);
    });

    it("runs a parent's once handler once across all its children", () => {
      const session = new EventEmitter();
      const one = session.child();
      const two = session.child();
      session.once("test-sync.a", logs("once"));
      expect(emitted(one, "test-sync.a")).to.deep.equal(["once"]);
      expect(emitted(two, "test-sync.a")).to.deep.equal([]);
      expect(emitted(session, "test-sync.a")).to.deep.equal([]);
    });
  });
});
