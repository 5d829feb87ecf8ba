/**
 * Compile-time checks of the event typing. tsc checks this file; nothing runs it (the checks sit
 * in a function nobody calls). Each `@ts-expect-error` fails the build if the line below it
 * compiles, so a loosened type shows up here.
 */
import type { EventEmitter } from "../../lib/events/index.js";
import type { EventBase, PayloadOf } from "../../lib/events/index.js";

/** `test-kind.<group>.<item>`: literal-union segments, a discriminated payload, synchronous. */
type TestKindPayload =
  | { group: "a"; item: "x"; onlyAX: number }
  | { group: "a"; item: "y"; onlyAY: string }
  | { group: "b"; item: "x" | "y"; onlyB: boolean };

declare module "../../lib/events/EventMap.js" {
  interface EventMap {
    "test-kind": {
      segments: ["a" | "b", "x" | "y"];
      keys: ["group", "item"];
      payload: TestKindPayload;
      result: string;
      sync: true;
    };
    /** `test-free.<service>.<operation>`: free-form segments, asynchronous. */
    "test-free": {
      segments: [string, string];
      keys: ["service", "operation"];
      payload: { service: string; operation: string; attempts: number };
      result: number;
      sync: false;
    };
  }
}

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const proves = <T extends true>(): T | undefined => undefined;
/** `exactly<E>()(value)` compiles only when the type of `value` is exactly `E`. */
const exactly =
  <Expected>() =>
  <Actual>(_value: Actual, ..._proof: Equals<Actual, Expected> extends true ? [] : [never]): void =>
    undefined;

export function eventTypeChecks(events: EventEmitter): void {
  // The helpers themselves reject a mismatch.
  // @ts-expect-error -- number is not string
  exactly<string>()(0);
  // @ts-expect-error -- string | undefined is not exactly string
  proves<Equals<string | undefined, string>>();

  // Unknown kinds are rejected, in registrations and emits.
  // @ts-expect-error -- "test-nope" is not a kind
  events.register("test-nope", () => undefined);
  // @ts-expect-error -- a typo in the kind
  events.emit("tset-kind.a.x", { group: "a", item: "x", onlyAX: 1 });

  // Unknown segment values are rejected when segments are literal unions.
  // @ts-expect-error -- "c" is not a group
  events.register("test-kind.c", () => undefined);
  // @ts-expect-error -- "z" is not an item
  events.emit("test-kind.a.z", { group: "a", item: "x", onlyAX: 1 });
  // @ts-expect-error -- registering deeper than the kind's segments
  events.register("test-kind.a.x.extra", () => undefined);

  // A handler on a full name sees the payload member for it.
  events.register("test-kind.a.x", (payload) => {
    exactly<number>()(payload.onlyAX);
    exactly<"x">()(payload.item);
    exactly<string>()(payload.eventName);
  });
  // On a prefix it sees the union of the members below it...
  events.register("test-kind.a", (payload) => {
    exactly<"x" | "y">()(payload.item);
    // @ts-expect-error -- only the a.x member has onlyAX
    void payload.onlyAX;
    if (payload.item === "x") exactly<number>()(payload.onlyAX);
  });
  // ...and a wildcard segment narrows nothing at its position, while the others still do.
  proves<
    Equals<PayloadOf<"test-kind.*.x">, EventBase & Exclude<TestKindPayload, { item: "y"; group: "a" }>>
  >();
  proves<Equals<PayloadOf<"test-kind.b.*">, EventBase & Extract<TestKindPayload, { group: "b" }>>>();

  // A wrong payload field or field type in a handler is rejected.
  // @ts-expect-error -- no such field
  events.register("test-kind.a.x", ({ onlyAY }) => void onlyAY);
  // @ts-expect-error -- onlyAX is a number
  events.register("test-kind.a.x", (payload: { onlyAX: string }) => payload.onlyAX);

  // A wrong return type is rejected; the declared one, or nothing, is accepted.
  // @ts-expect-error -- the result of test-kind is a string
  events.register("test-kind.a", () => 42);
  events.register("test-kind.a", () => "fine");
  events.register("test-kind.a", () => undefined);

  // A promise-returning handler is rejected for a synchronous kind, accepted for an asynchronous one.
  // @ts-expect-error -- test-kind is synchronous
  events.register("test-kind.a", () => Promise.resolve("late"));
  events.register("test-free.s3", ({ attempts }) => Promise.resolve(attempts + 1));
  // @ts-expect-error -- the result of test-free is a number
  events.register("test-free.s3", () => Promise.resolve("late"));

  // String segments accept any value, and still carry it into the payload's key.
  events.register("test-free.anything.AtAll", (payload) => {
    exactly<string>()(payload.service);
    exactly<number>()(payload.attempts);
  });
  events.register("test-free.*.GetObject", () => undefined);

  // Emits need a full name and the payload without eventName; the result type follows the kind.
  exactly<Array<string | undefined>>()(events.emit("test-kind.b.y", { group: "b", item: "y", onlyB: true }));
  exactly<string | undefined>()(
    events.emitUntilResponse("test-kind.a.y", { group: "a", item: "y", onlyAY: "" }),
  );
  // @ts-expect-error -- a prefix is not a full name
  events.emit("test-kind.a", { group: "a", item: "x", onlyAX: 1 });
  // @ts-expect-error -- the payload of test-kind.a.x needs onlyAX
  events.emit("test-kind.a.x", { group: "a", item: "x" });
  // @ts-expect-error -- a payload for the wrong name
  events.emit("test-kind.a.x", { group: "b", item: "x", onlyB: true });
  // @ts-expect-error -- test-free is asynchronous, so only emitAsync may emit it
  events.emit("test-free.s3.GetObject", { service: "s3", operation: "GetObject", attempts: 0 });
  const pending = events.emitAsync("test-free.s3.GetObject", {
    service: "s3",
    operation: "GetObject",
    attempts: 0,
  });
  exactly<Promise<Array<number | undefined>>>()(pending);
  const first = events.emitUntilResponseAsync("test-free.a.b", { service: "a", operation: "b", attempts: 1 });
  exactly<Promise<number | undefined>>()(first);
  void pending;
  void first;

  // The root wildcard sees only the fields every payload has.
  events.register("*", (payload) => {
    exactly<EventBase>()(payload);
  });
  // @ts-expect-error -- a root * handler cannot assume a kind's fields
  events.register("*", ({ attempts }: { attempts: number }) => attempts);

  // unregister takes the handler type of its pattern, or an id.
  const handler = (payload: PayloadOf<"test-kind.a">): string => payload.item;
  events.unregister("test-kind.a", handler);
  events.unregister("test-kind.a", { uniqueId: "id", uniqueIdUsesCount: true });
  // @ts-expect-error -- a handler for another kind
  events.unregister("test-kind.a", (payload: PayloadOf<"test-free.s3">) => payload.attempts);

  // Disposers work with `using`.
  using _registration = events.once("test-kind.b", () => undefined);
}
