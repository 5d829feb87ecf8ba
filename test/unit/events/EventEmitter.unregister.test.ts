import { expect } from "chai";
import { EventRegistrationError } from "../../../lib/errors.js";
import { EventEmitter } from "../../../lib/events/index.js";
import { logs } from "./testEvents.js";

function emitted(events: EventEmitter, name: `test-sync.${string}`): string[] {
  const log: string[] = [];
  events.emit(name, { log });
  return log;
}

describe(EventEmitter.name, () => {
  describe(".unregister()", () => {
    it("removes the first occurrence of the handler, searching first, then middle, then last", () => {
      const events = new EventEmitter();
      const handler = logs("h");
      events.registerLast("test-sync.a", handler);
      events.register("test-sync.a", handler);
      events.register("test-sync.a", logs("other"));
      events.registerFirst("test-sync.a", handler);
      expect(events.unregister("test-sync.a", handler)).to.equal(true);
      expect(emitted(events, "test-sync.a")).to.deep.equal(["h", "other", "h"]);
      expect(events.unregister("test-sync.a", handler)).to.equal(true);
      expect(emitted(events, "test-sync.a")).to.deep.equal(["other", "h"]);
    });

    it("only looks at exactly the given pattern, not prefixes or wildcards", () => {
      const events = new EventEmitter();
      const handler = logs("h");
      events.register("test-sync.a", handler);
      events.register("test-sync.*", handler);
      expect(events.unregister("test-sync.a.b", handler)).to.equal(false);
      expect(events.unregister("test-sync", handler)).to.equal(false);
      expect(events.unregister("test-sync.*", handler)).to.equal(true);
      expect(emitted(events, "test-sync.a")).to.deep.equal(["h"]);
    });

    it("ignores unknown patterns, handlers and ids, returning false", () => {
      const events = new EventEmitter();
      events.register("test-sync.a", logs("h"));
      expect(events.unregister("test-sync.zzz", logs("h"))).to.equal(false);
      expect(events.unregister("test-sync.a", logs("h"))).to.equal(false);
      expect(events.unregister("test-sync.a", { uniqueId: "unknown" })).to.equal(false);
      expect(emitted(events, "test-sync.a")).to.deep.equal(["h"]);
    });

    it("removes a registration by uniqueId", () => {
      const events = new EventEmitter();
      events.register("test-sync.a", logs("h"), { uniqueId: "id" });
      expect(events.unregister("test-sync.a", { uniqueId: "id" })).to.equal(true);
      expect(emitted(events, "test-sync.a")).to.deep.equal([]);
    });

    it("throws EventRegistrationError when the uniqueId is registered on another pattern", () => {
      const events = new EventEmitter();
      events.register("test-sync.a", logs("h"), { uniqueId: "id" });
      expect(() => events.unregister("test-sync.b", { uniqueId: "id" })).to.throw(
        EventRegistrationError,
        /registered on "test-sync\.a"/,
      );
      expect(emitted(events, "test-sync.a")).to.deep.equal(["h"]);
    });

    it("never removes a parent's registration through a child", () => {
      const parent = new EventEmitter();
      const child = parent.child();
      const handler = logs("h");
      parent.register("test-sync.a", handler, { uniqueId: "id" });
      expect(child.unregister("test-sync.a", handler)).to.equal(false);
      expect(child.unregister("test-sync.a", { uniqueId: "id" })).to.equal(false);
      expect(emitted(child, "test-sync.a")).to.deep.equal(["h"]);
    });

    it("skips a handler removed by an earlier handler of the same emit", () => {
      const events = new EventEmitter();
      const victim = logs("victim");
      events.registerFirst("test-sync.a", () => {
        events.unregister("test-sync.a", victim);
      });
      events.register("test-sync.a", victim);
      expect(emitted(events, "test-sync.a")).to.deep.equal([]);
    });
  });

  describe("disposers", () => {
    it("unregister exactly their registration and are idempotent", () => {
      const events = new EventEmitter();
      const handler = logs("h");
      const first = events.register("test-sync.a", handler);
      events.register("test-sync.a", handler);
      first();
      first();
      expect(emitted(events, "test-sync.a")).to.deep.equal(["h"]);
    });

    it("work with using", () => {
      const events = new EventEmitter();
      {
        using _registration = events.register("test-sync.a", logs("scoped"));
        expect(emitted(events, "test-sync.a")).to.deep.equal(["scoped"]);
      }
      expect(emitted(events, "test-sync.a")).to.deep.equal([]);
    });

    it("give back one count each in counted uniqueId mode", () => {
      const events = new EventEmitter();
      const counted = { uniqueId: "id", uniqueIdUsesCount: true };
      const one = events.register("test-sync.a", logs("h"), counted);
      const two = events.register("test-sync.a", logs("h"), counted);
      one();
      one();
      expect(emitted(events, "test-sync.a")).to.deep.equal(["h"]);
      two();
      expect(emitted(events, "test-sync.a")).to.deep.equal([]);
    });

    it("do nothing for a registration that was ignored because its uniqueId existed", () => {
      const events = new EventEmitter();
      events.register("test-sync.a", logs("kept"), { uniqueId: "id" });
      const ignored = events.register("test-sync.a", logs("ignored"), { uniqueId: "id" });
      ignored();
      expect(emitted(events, "test-sync.a")).to.deep.equal(["kept"]);
    });

    it("do not touch a newer registration that reuses their uniqueId", () => {
      const events = new EventEmitter();
      const stale = events.register("test-sync.a", logs("old"), { uniqueId: "id" });
      events.unregister("test-sync.a", { uniqueId: "id" });
      events.register("test-sync.a", logs("new"), { uniqueId: "id" });
      stale();
      expect(emitted(events, "test-sync.a")).to.deep.equal(["new"]);
    });
  });
});
