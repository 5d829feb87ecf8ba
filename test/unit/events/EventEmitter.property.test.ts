/**
 * Checks the trie-based emitter against {@link ReferenceEmitter} over random sequences of
 * register / registerFirst / registerLast / once / uniqueId / unregister / dispose / emit commands
 * on a small tree of parent and child emitters.
 */
import { expect } from "chai";
import fc from "fast-check";
import { EventRegistrationError } from "../../../lib/errors.js";
import { EventEmitter, type Disposer } from "../../../lib/events/index.js";
import {
  answer,
  Contradiction,
  HANDLERS,
  PARENTS,
  ReferenceEmitter,
  SECTIONS,
  type Command,
} from "./ReferenceEmitter.js";

const emitter = fc.integer({ min: 0, max: PARENTS.length - 1 });
const handler = fc.integer({ min: 0, max: HANDLERS - 1 });
const joined = (
  head: fc.Arbitrary<string>,
  tail: fc.Arbitrary<string>,
  maxTail: number,
): fc.Arbitrary<string> =>
  fc.tuple(head, fc.array(tail, { maxLength: maxTail })).map(([h, t]) => [h, ...t].join("."));
const pattern = joined(fc.constantFrom("k", "*"), fc.constantFrom("a", "*"), 3);
const name = joined(fc.constantFrom("k", "m"), fc.constantFrom("a", "b"), 2);
const id = fc.record({ name: fc.constantFrom("u1", "u2"), counted: fc.boolean() });

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        op: fc.constant("register" as const),
        emitter,
        pattern,
        section: fc.constantFrom(...SECTIONS),
        once: fc.boolean(),
        handler,
        id: fc.option(id, { nil: undefined }),
      },
      { requiredKeys: ["op", "emitter", "pattern", "section", "once", "handler"] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("unregister" as const), emitter, pattern, handler }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("unregisterId" as const), emitter, pattern, id }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("unregisterEarlier" as const),
      index: fc.nat(),
      byId: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("dispose" as const), index: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("emit" as const),
      emitter,
      name,
      mode: fc.constantFrom("all" as const, "until" as const, "allAsync" as const, "untilAsync" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("hasHandlers" as const), emitter, name }) },
);

async function run(commands: readonly Command[]): Promise<void> {
  const model = new ReferenceEmitter();
  const emitters: EventEmitter[] = [];
  for (const parent of PARENTS)
    emitters.push(new EventEmitter({ parent: parent === undefined ? undefined : emitters[parent] }));
  const log: number[] = [];
  const handlers = Array.from({ length: HANDLERS }, (_, h) => () => {
    log.push(h);
    return answer(h);
  });
  const disposers: { real: Disposer; model: () => void }[] = [];

  /** A contradiction in the model must be an EventRegistrationError in the emitter, and no change. */
  const modelOrThrow = <T>(modelled: () => T, real: () => unknown): T | undefined => {
    try {
      return modelled();
    } catch (error) {
      if (!(error instanceof Contradiction)) throw error;
      expect(real).to.throw(EventRegistrationError);
      return undefined;
    }
  };
  const sameRemoval = (real: () => boolean, modelled: () => boolean): void => {
    const expected = modelOrThrow(modelled, real);
    if (expected !== undefined) expect(real()).to.equal(expected);
  };

  const registered: Extract<Command, { op: "register" }>[] = [];
  for (let c of commands) {
    if (c.op === "unregisterEarlier") {
      const earlier = registered[c.index % Math.max(registered.length, 1)];
      if (earlier === undefined) continue;
      c =
        c.byId && earlier.id
          ? { op: "unregisterId", emitter: earlier.emitter, pattern: earlier.pattern, id: earlier.id }
          : {
              op: "unregister",
              emitter: earlier.emitter,
              pattern: earlier.pattern,
              handler: earlier.handler,
            };
    }
    switch (c.op) {
      case "register": {
        registered.push(c);
        const options = {
          section: c.section,
          once: c.once,
          uniqueId: c.id?.name,
          uniqueIdUsesCount: c.id?.counted,
        };
        const real = (): Disposer =>
          emitters[c.emitter]!.registerDynamic(c.pattern, handlers[c.handler]!, options);
        const modelled = modelOrThrow(() => model.register(c), real);
        if (modelled !== undefined) disposers.push({ real: real(), model: modelled });
        break;
      }
      case "unregister":
        sameRemoval(
          () => emitters[c.emitter]!.unregisterDynamic(c.pattern, handlers[c.handler]!),
          () => model.unregister(c),
        );
        break;
      case "unregisterId": {
        const target = { uniqueId: c.id.name, uniqueIdUsesCount: c.id.counted };
        sameRemoval(
          () => emitters[c.emitter]!.unregisterDynamic(c.pattern, target),
          () => model.unregisterId(c),
        );
        break;
      }
      case "dispose": {
        const pair = disposers[c.index % Math.max(disposers.length, 1)];
        pair?.real();
        pair?.model();
        break;
      }
      case "emit": {
        log.length = 0;
        const events = emitters[c.emitter]!;
        const payload = {};
        const results =
          c.mode === "all"
            ? events.emitDynamic(c.name, payload)
            : c.mode === "allAsync"
              ? await events.emitDynamicAsync(c.name, payload)
              : [
                  c.mode === "until"
                    ? events.emitUntilResponseDynamic(c.name, payload)
                    : await events.emitUntilResponseDynamicAsync(c.name, payload),
                ];
        const expected = model.emit(c.emitter, c.name, c.mode === "until" || c.mode === "untilAsync");
        expect(log, `handlers run by ${c.mode} ${c.name} on emitter ${c.emitter}`).to.deep.equal(
          expected.log,
        );
        const expectedResults = c.mode.startsWith("until")
          ? [expected.results.find((r) => r !== undefined)]
          : expected.results;
        expect(results).to.deep.equal(expectedResults);
        break;
      }
      case "hasHandlers":
        expect(emitters[c.emitter]!.hasHandlers(c.name)).to.equal(
          model.resolve(c.emitter, c.name).length > 0,
        );
        break;
    }
  }
}

describe(EventEmitter.name, () => {
  describe("against a flat reference model", () => {
    it("runs the same handlers in the same order over random register/unregister/emit sequences", async function () {
      this.timeout(120_000); // 500 runs of up to 60 commands; slow on a loaded 2-core machine
      await fc.assert(
        fc.asyncProperty(fc.array(command, { maxLength: 60, size: "max" }), (commands) => run(commands)),
        { numRuns: 500 },
      );
    });
  });
});
