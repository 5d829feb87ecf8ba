import { expect } from "chai";
import { AsyncHandlerError } from "../../../lib/errors.js";
import { EventEmitter } from "../../../lib/events/index.js";
import { logs, type TestPayload } from "./testEvents.js";

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe(EventEmitter.name, () => {
  describe(".emit()", () => {
    it("returns one entry per handler, undefined included, in call order", () => {
      const events = new EventEmitter();
      events.register("test-sync.a", logs("1", "one"));
      events.register("test-sync.a", logs("2"));
      events.register("test-sync.a", logs("3", null));
      expect(events.emit("test-sync.a", { log: [] })).to.deep.equal(["one", undefined, null]);
    });

    it("returns an empty array when nobody listens", () => {
      const events = new EventEmitter();
      expect(events.emit("test-sync.a", { log: [] })).to.deep.equal([]);
    });

    it("passes the caller's object to every handler, with eventName set on it", () => {
      const events = new EventEmitter();
      const payload: TestPayload & { seen?: unknown[] } = { log: [] };
      const seen: object[] = [];
      events.register("test-sync", (received) => {
        seen.push(received);
        received.log.push(received.eventName);
      });
      events.register("test-sync.a.b", (received) => {
        seen.push(received);
      });
      events.emit("test-sync.a.b", payload);
      expect(seen).to.have.length(2);
      expect(seen[0]).to.equal(payload);
      expect(seen[1]).to.equal(payload);
      expect(payload).to.include({ eventName: "test-sync.a.b" });
      expect(payload.log).to.deep.equal(["test-sync.a.b"]);
    });

    it("lets an exception reach the caller and skips the later handlers", () => {
      const events = new EventEmitter();
      const log: string[] = [];
      events.register("test-sync.a", () => {
        throw new RangeError("boom");
      });
      events.register("test-sync", logs("later"));
      expect(() => events.emit("test-sync.a", { log })).to.throw(RangeError, "boom");
      expect(log).to.deep.equal([]);
    });

    it("throws AsyncHandlerError naming the event when a handler returns a promise", async () => {
      const events = new EventEmitter();
      const log: string[] = [];
      events.register("test-sync.a", () => Promise.reject(new Error("would be unhandled")));
      events.register("test-sync", logs("later"));
      expect(() => events.emit("test-sync.a.b", { log }))
        .to.throw(AsyncHandlerError)
        .with.property("eventName", "test-sync.a.b");
      expect(() => events.emitUntilResponse("test-sync.a.b", { log })).to.throw(AsyncHandlerError);
      expect(log).to.deep.equal([]);
      await tick(); // an unhandled rejection of the refused promise would fail the run here
    });

    it("sees a handler registered after the name was first emitted", () => {
      const events = new EventEmitter();
      events.register("test-sync", logs("kind"));
      expect(events.emit("test-sync.a", { log: [] })).to.have.length(1);
      events.register("test-sync.*", logs("wild"));
      const log: string[] = [];
      events.emit("test-sync.a", { log });
      expect(log).to.deep.equal(["wild", "kind"]);
    });

    it("stops running a handler unregistered after the name was first emitted", () => {
      const events = new EventEmitter();
      const dispose = events.register("test-sync.a", logs("h"));
      expect(events.emit("test-sync.a", { log: [] })).to.have.length(1);
      dispose();
      expect(events.emit("test-sync.a", { log: [] })).to.have.length(0);
    });
  });

  describe(".emitUntilResponse()", () => {
    it("stops at the first handler that returns something other than undefined, null included", () => {
      const events = new EventEmitter();
      const log: string[] = [];
      events.register("test-sync.a", logs("1"));
      events.register("test-sync.a", logs("2", null));
      events.register("test-sync.a", logs("3", "late"));
      expect(events.emitUntilResponse("test-sync.a", { log })).to.equal(null);
      expect(log).to.deep.equal(["1", "2"]);
    });

    it("returns undefined when no handler responds or nobody listens", () => {
      const events = new EventEmitter();
      expect(events.emitUntilResponse("test-sync.a", { log: [] })).to.equal(undefined);
      events.register("test-sync.a", logs("1"));
      expect(events.emitUntilResponse("test-sync.a", { log: [] })).to.equal(undefined);
    });
  });

  describe(".emitAsync()", () => {
    it("awaits each handler before calling the next and returns the awaited values", async () => {
      const events = new EventEmitter();
      const log: string[] = [];
      events.register("test-async.a", async ({ log }) => {
        await tick();
        log.push("slow");
        return "slow";
      });
      events.register("test-async.a", logs("sync"));
      events.register("test-async.a", async ({ log }) => {
        log.push("fast");
        return Promise.resolve("fast");
      });
      expect(await events.emitAsync("test-async.a", { log })).to.deep.equal(["slow", undefined, "fast"]);
      expect(log).to.deep.equal(["slow", "sync", "fast"]);
    });

    it("rejects with a handler's rejection and skips the later handlers", async () => {
      const events = new EventEmitter();
      const log: string[] = [];
      events.register("test-async.a", () => Promise.reject(new RangeError("boom")));
      events.register("test-async.a", logs("later"));
      const error: unknown = await events.emitAsync("test-async.a", { log }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(RangeError);
      expect(log).to.deep.equal([]);
    });

    it("rejects, rather than throwing, when a handler throws synchronously", async () => {
      const events = new EventEmitter();
      events.register("test-async.a", () => {
        throw new RangeError("sync boom");
      });
      const pending = events.emitAsync("test-async.a", { log: [] });
      const error: unknown = await pending.catch((e: unknown) => e);
      expect(error).to.be.instanceOf(RangeError);
    });
  });

  describe(".emitUntilResponseAsync()", () => {
    it("returns the first awaited value other than undefined and skips the rest", async () => {
      const events = new EventEmitter();
      const log: string[] = [];
      events.register("test-async.a", async ({ log }) => {
        log.push("nothing");
        return Promise.resolve(undefined);
      });
      events.register("test-async.a", async ({ log }) => {
        log.push("answer");
        return Promise.resolve(42);
      });
      events.register("test-async.a", logs("skipped", "never"));
      expect(await events.emitUntilResponseAsync("test-async.a", { log })).to.equal(42);
      expect(log).to.deep.equal(["nothing", "answer"]);
    });

    it("resolves to undefined when no handler responds", async () => {
      const events = new EventEmitter();
      events.register("test-async.a", logs("1"));
      expect(await events.emitUntilResponseAsync("test-async.a", { log: [] })).to.equal(undefined);
    });
  });

  describe(".emitDynamic() and its variants", () => {
    it("behave like their typed counterparts", async () => {
      const events = new EventEmitter();
      events.registerDynamic("x.y", () => "first");
      events.registerDynamic("x", () => "second", { section: "first" });
      expect(events.emitDynamic("x.y.z", {})).to.deep.equal(["first", "second"]);
      expect(events.emitUntilResponseDynamic("x.y.z", {})).to.equal("first");
      expect(await events.emitDynamicAsync("x.y.z", {})).to.deep.equal(["first", "second"]);
      expect(await events.emitUntilResponseDynamicAsync("x.y.z", {})).to.equal("first");
    });
  });

  describe(".hasHandlers()", () => {
    it("tells whether an emit would run a handler, tracking registrations and removals", () => {
      const parent = new EventEmitter();
      const child = parent.child();
      expect(child.hasHandlers("test-sync.a.b")).to.equal(false);
      const dispose = parent.register("test-sync.*.b", logs("h"));
      expect(child.hasHandlers("test-sync.a.b")).to.equal(true);
      expect(child.hasHandlers("test-sync.a")).to.equal(false);
      dispose();
      expect(child.hasHandlers("test-sync.a.b")).to.equal(false);
    });
  });
});
