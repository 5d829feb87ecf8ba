import { expect } from "chai";
import { EventRegistrationError } from "../../../lib/errors.js";
import { EventEmitter } from "../../../lib/events/index.js";
import { logs } from "./testEvents.js";

type SyncName = `test-sync.${string}`;

function emitted(events: EventEmitter, name: SyncName): string[] {
  const log: string[] = [];
  events.emit(name, { log });
  return log;
}

describe(EventEmitter.name, () => {
  describe(".register()", () => {
    it("reaches longer names from a prefix, never shorter ones", () => {
      const events = new EventEmitter();
      events.register("test-sync.a", logs("a"));
      events.register("test-sync.a.b.c", logs("abc"));
      expect(emitted(events, "test-sync.a.b")).to.deep.equal(["a"]);
      expect(emitted(events, "test-sync.a.b.c.d")).to.deep.equal(["abc", "a"]);
      expect(emitted(events, "test-sync.b")).to.deep.equal([]);
    });

    it("lets a kind alone receive every name of the kind", () => {
      const events = new EventEmitter();
      events.register("test-sync", logs("kind"));
      expect(emitted(events, "test-sync.x.y")).to.deep.equal(["kind"]);
    });

    it("matches exactly one segment with a whole * segment, never an empty one", () => {
      const events = new EventEmitter();
      events.register("test-sync.a.*", logs("a.*"));
      expect(emitted(events, "test-sync.a")).to.deep.equal([]);
      expect(emitted(events, "test-sync.a.b")).to.deep.equal(["a.*"]);
      expect(emitted(events, "test-sync.a.b.c")).to.deep.equal(["a.*"]);
    });

    it("treats a segment that only contains * as a literal", () => {
      const events = new EventEmitter();
      events.register("test-sync.b*", logs("b*"));
      expect(emitted(events, "test-sync.bc")).to.deep.equal([]);
      expect(emitted(events, "test-sync.b*")).to.deep.equal(["b*"]);
    });

    it("runs a root * handler for every event of every kind", () => {
      const events = new EventEmitter();
      const seen: string[] = [];
      events.register("*", ({ eventName }) => {
        seen.push(eventName);
      });
      events.emit("test-sync.a", { log: [] });
      events.emitDynamic("other-kind", {});
      expect(seen).to.deep.equal(["test-sync.a", "other-kind"]);
    });

    it("runs deeper registrations before shallower ones, whatever the registration order", () => {
      const events = new EventEmitter();
      events.register("test-sync", logs("1"));
      events.register("test-sync.a", logs("2"));
      events.register("test-sync.a.b", logs("3"));
      expect(emitted(events, "test-sync.a.b.c")).to.deep.equal(["3", "2", "1"]);
    });

    it("orders equal depths by the first differing segment, literal before *, unlike botocore", () => {
      const events = new EventEmitter();
      events.register("test-sync.*", logs("*"));
      events.register("test-sync.*.c", logs("*.c"));
      events.register("test-sync.a", logs("a"));
      events.register("test-sync.a.c", logs("a.c"));
      events.register("test-sync.*.*", logs("*.*"));
      events.register("test-sync.a.*", logs("a.*"));
      // botocore would run the whole * branch first: *.c, *.*, *, then a.c, a.*, a.
      expect(emitted(events, "test-sync.a.c")).to.deep.equal(["a.c", "a.*", "*.c", "*.*", "a", "*"]);
    });

    it("runs a deeper wildcard pattern before a shallower literal one", () => {
      const events = new EventEmitter();
      events.register("test-sync.a.b", logs("a.b"));
      events.register("test-sync.*.*.*", logs("*.*.*"));
      expect(emitted(events, "test-sync.a.b.c")).to.deep.equal(["*.*.*", "a.b"]);
    });

    it("runs duplicates of one handler once per registration", () => {
      const events = new EventEmitter();
      const handler = logs("h");
      events.register("test-sync.a", handler);
      events.register("test-sync.a", handler);
      expect(emitted(events, "test-sync.a")).to.deep.equal(["h", "h"]);
    });

    it("throws a TypeError naming the pattern when the handler is not a function", () => {
      const events = new EventEmitter();
      expect(() => events.registerDynamic("test-sync.a", "nope" as never)).to.throw(
        TypeError,
        /"test-sync\.a"/,
      );
      expect(() => events.registerDynamic("test-sync.a", null as never)).to.throw(TypeError, /received null/);
    });

    it("rejects patterns with an empty segment", () => {
      const events = new EventEmitter();
      for (const pattern of ["", "a..b", "a.", ".a"]) {
        expect(() => events.registerDynamic(pattern, () => undefined), pattern).to.throw(
          EventRegistrationError,
        );
      }
    });

    it("affects only later emits when made while an emit is under way", () => {
      const events = new EventEmitter();
      events.register("test-sync.a", ({ log }) => {
        log.push("outer");
        events.register("test-sync.a", logs("added"));
      });
      expect(emitted(events, "test-sync.a")).to.deep.equal(["outer"]);
      expect(emitted(events, "test-sync.a")).to.deep.equal(["outer", "added"]);
    });

    describe("with uniqueId", () => {
      it("ignores a second registration with the same id, even with another handler and pattern", () => {
        const events = new EventEmitter();
        events.register("test-sync.a", logs("first"), { uniqueId: "id" });
        events.register("test-sync.a", logs("second"), { uniqueId: "id" });
        events.register("test-sync.b", logs("third"), { uniqueId: "id" });
        expect(emitted(events, "test-sync.a")).to.deep.equal(["first"]);
        expect(emitted(events, "test-sync.b")).to.deep.equal([]);
      });

      it("counts registrations in counted mode and removes the handler at zero", () => {
        const events = new EventEmitter();
        const counted = { uniqueId: "id", uniqueIdUsesCount: true };
        events.register("test-sync.a", logs("h"), counted);
        events.register("test-sync.a", logs("other"), counted);
        expect(emitted(events, "test-sync.a")).to.deep.equal(["h"]);
        expect(events.unregister("test-sync.a", counted)).to.equal(false);
        expect(emitted(events, "test-sync.a")).to.deep.equal(["h"]);
        expect(events.unregister("test-sync.a", counted)).to.equal(true);
        expect(emitted(events, "test-sync.a")).to.deep.equal([]);
        expect(events.unregister("test-sync.a", counted)).to.equal(false);
      });

      it("throws EventRegistrationError when counted and uncounted uses of one id mix", () => {
        const events = new EventEmitter();
        events.register("test-sync.a", logs("h"), { uniqueId: "plain" });
        events.register("test-sync.a", logs("h"), { uniqueId: "counted", uniqueIdUsesCount: true });
        expect(() =>
          events.register("test-sync.a", logs("h"), { uniqueId: "plain", uniqueIdUsesCount: true }),
        ).to.throw(EventRegistrationError, /uniqueId "plain"/);
        expect(() => events.register("test-sync.a", logs("h"), { uniqueId: "counted" })).to.throw(
          EventRegistrationError,
        );
        expect(() =>
          events.unregister("test-sync.a", { uniqueId: "plain", uniqueIdUsesCount: true }),
        ).to.throw(EventRegistrationError);
        expect(() => events.unregister("test-sync.a", { uniqueId: "counted" })).to.throw(
          EventRegistrationError,
        );
        expect(emitted(events, "test-sync.a")).to.deep.equal(["h", "h"]);
      });

      it("frees the id when the registration is removed by handler, so it can be registered again", () => {
        const events = new EventEmitter();
        const handler = logs("old");
        events.register("test-sync.a", handler, { uniqueId: "id" });
        events.unregister("test-sync.a", handler);
        events.register("test-sync.a", logs("new"), { uniqueId: "id" });
        expect(emitted(events, "test-sync.a")).to.deep.equal(["new"]);
      });

      it("keeps ids per emitter: a child registers an id its parent already uses", () => {
        const parent = new EventEmitter();
        const child = parent.child();
        parent.register("test-sync.a", logs("parent"), { uniqueId: "id" });
        child.register("test-sync.a", logs("child"), { uniqueId: "id" });
        expect(emitted(child, "test-sync.a")).to.deep.equal(["parent", "child"]);
      });
    });
  });

  describe(".registerFirst() and .registerLast()", () => {
    it("run first, middle and last sections of one pattern in that order, each in registration order", () => {
      const events = new EventEmitter();
      events.registerLast("test-sync.a", logs("last1"));
      events.register("test-sync.a", logs("mid1"));
      events.registerFirst("test-sync.a", logs("first1"));
      events.registerLast("test-sync.a", logs("last2"));
      events.register("test-sync.a", logs("mid2"));
      events.registerFirst("test-sync.a", logs("first2"));
      expect(emitted(events, "test-sync.a")).to.deep.equal([
        "first1",
        "first2",
        "mid1",
        "mid2",
        "last1",
        "last2",
      ]);
    });

    it("never move a handler across patterns", () => {
      const events = new EventEmitter();
      events.registerFirst("test-sync", logs("kind-first"));
      events.registerLast("test-sync.a.b", logs("ab-last"));
      events.register("test-sync.a", logs("a"));
      expect(emitted(events, "test-sync.a.b")).to.deep.equal(["ab-last", "a", "kind-first"]);
    });
  });

  describe(".once()", () => {
    it("runs the handler on the first emit only", () => {
      const events = new EventEmitter();
      events.once("test-sync.a", logs("once"));
      events.register("test-sync.a", logs("always"));
      expect(emitted(events, "test-sync.a")).to.deep.equal(["once", "always"]);
      expect(emitted(events, "test-sync.a")).to.deep.equal(["always"]);
    });

    it("runs at most once when the handler re-enters its own event", () => {
      const events = new EventEmitter();
      let calls = 0;
      events.once("test-sync.a", ({ log }) => {
        calls++;
        events.emit("test-sync.a", { log });
      });
      emitted(events, "test-sync.a");
      expect(calls).to.equal(1);
    });

    it("runs at most once when an earlier handler re-enters the event before it", () => {
      const events = new EventEmitter();
      let depth = 0;
      events.register("test-sync.a", ({ log }) => {
        if (depth++ === 0) events.emit("test-sync.a", { log });
      });
      events.once("test-sync.a", logs("once"));
      expect(emitted(events, "test-sync.a")).to.deep.equal(["once"]);
    });

    it("returns a disposer that cancels it before it runs", () => {
      const events = new EventEmitter();
      const dispose = events.once("test-sync.a", logs("once"));
      dispose();
      expect(emitted(events, "test-sync.a")).to.deep.equal([]);
    });

    it("frees its uniqueId once it has run", () => {
      const events = new EventEmitter();
      events.once("test-sync.a", logs("1"), { uniqueId: "id" });
      expect(emitted(events, "test-sync.a")).to.deep.equal(["1"]);
      events.once("test-sync.a", logs("2"), { uniqueId: "id" });
      expect(emitted(events, "test-sync.a")).to.deep.equal(["2"]);
    });
  });
});
