/**
 * Type-level description of every event: which names exist, what their handlers receive, and what
 * a handler may return. The runtime never reads these types; they make a typo in an event name or
 * a wrong handler signature a compile error.
 *
 * @module
 */

/**
 * The shape of one event kind in {@link EventMap}.
 *
 * An event name is the kind followed by one dot-separated segment per entry of `segments`, for
 * example `provide-client-params.s3.ListObjectsV2` for kind `provide-client-params` with segments
 * `[ServiceName, OperationName]`. Each segment is mirrored in the payload by the field named at the
 * same position of `keys` (`service`, `operation`), which is how a handler registered on a
 * specific name gets a narrowed payload.
 */
export interface EventSpec {
  /** Types of the segments that follow the kind, in order. */
  readonly segments: readonly string[];
  /** Payload field that carries each segment, in the same order as `segments`. */
  readonly keys: readonly string[];
  /** What every handler receives (a union discriminated by `keys` where segments vary). */
  readonly payload: object;
  /** What a handler may return; `void` when the return value is ignored. */
  readonly result: unknown;
  /** Synchronous events refuse handlers that return promises; asynchronous ones await them. */
  readonly sync: boolean;
}

/**
 * Every event kind, keyed by its first name segment. Extend it by declaration merging to declare
 * events of your own:
 *
 * @example
 * ```ts
 * declare module "objectscale-resources" {
 *   interface EventMap {
 *     "audit-record": {
 *       segments: [ServiceName];
 *       keys: ["service"];
 *       payload: { service: ServiceName; line: string };
 *       result: void;
 *       sync: true;
 *     };
 *   }
 * }
 * session.events.register("audit-record.s3", ({ line }) => console.log(line));
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface EventMap {}

/** The name of an event kind: the first segment of every event name. */
export type EventKind = Extract<keyof EventMap, string>;

/** The spec of kind `K`, or `never` when the declaration does not satisfy {@link EventSpec}. */
export type SpecOf<K extends string> = K extends EventKind
  ? EventMap[K] extends EventSpec
    ? EventMap[K]
    : never
  : never;

type Join<S extends readonly string[]> = S extends readonly [infer H extends string]
  ? H
  : S extends readonly [infer H extends string, ...infer T extends readonly string[]]
    ? `${H}.${Join<T>}`
    : never;

type WildPrefixes<S extends readonly string[]> = S extends readonly [
  infer H extends string,
  ...infer T extends readonly string[],
]
  ? `.${H | "*"}` | `.${H | "*"}${WildPrefixes<T>}`
  : never;

/** Every complete name of kind `K`: what is emitted. */
export type FullEventName<K extends EventKind = EventKind> = K extends EventKind
  ? SpecOf<K>["segments"] extends readonly []
    ? K
    : `${K}.${Join<SpecOf<K>["segments"]>}`
  : never;

/**
 * Every name a handler can be registered on for kind `K`: the kind alone, any prefix of a full
 * name, and any of those with `*` in place of a segment.
 */
export type EventPattern<K extends EventKind = EventKind> = K extends EventKind
  ? K | `${K}${WildPrefixes<SpecOf<K>["segments"]>}`
  : never;

/** The kind (first segment) of an event name or pattern. */
export type KindOf<N extends string> = N extends `${infer K}.${string}` ? K : N;

type SplitTail<N extends string> = N extends `${string}.${infer T}` ? Split<T> : [];
type Split<N extends string> = N extends `${infer H}.${infer T}` ? [H, ...Split<T>] : [N];

type Zip<Keys extends readonly string[], Segs extends readonly string[]> = Keys extends readonly [
  infer K extends string,
  ...infer KT extends readonly string[],
]
  ? Segs extends readonly [infer S extends string, ...infer ST extends readonly string[]]
    ? (S extends "*" ? unknown : { [P in K]: S }) & Zip<KT, ST>
    : unknown
  : unknown;

/** Keeps the members of union `U` whose discriminants accept the literal values in `D`. */
type Narrow<U, D> = U extends unknown ? (D extends Pick<U, Extract<keyof D, keyof U>> ? U : never) : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Fields every payload has, whatever its kind. */
export interface EventBase {
  /** The full name of the event being emitted, such as `before-call.s3.PutObject`. */
  eventName: string;
}

/**
 * What a handler registered on pattern `P` receives: the kind's payload narrowed by the literal
 * segments of `P`, plus {@link EventBase}.
 */
export type PayloadOf<P extends string> = EventBase &
  Narrow<SpecOf<KindOf<P>>["payload"], Simplify<Zip<SpecOf<KindOf<P>>["keys"], SplitTail<P>>>>;

/** What a handler registered on pattern `P` may return (besides nothing). */
export type ResultOf<P extends string> = SpecOf<KindOf<P>>["result"];

/** True when events of pattern `P` are synchronous. */
export type IsSync<P extends string> = SpecOf<KindOf<P>>["sync"];

/** A handler for pattern `P`. Asynchronous events await a returned promise; synchronous ones refuse it. */
export type EventHandler<P extends string> = (
  payload: PayloadOf<P>,
) => IsSync<P> extends true ? ResultOf<P> | void : ResultOf<P> | void | Promise<ResultOf<P> | void>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What the emitter of a full name `N` passes (the emitter adds `eventName`). */
export type EmitPayload<N extends string> = DistributiveOmit<PayloadOf<N>, "eventName">;

/** Names of events whose kind is synchronous. */
export type SyncEventName = { [K in EventKind]: SpecOf<K>["sync"] extends true ? FullEventName<K> : never }[EventKind];

/** Any registrable pattern of any kind. */
export type AnyEventPattern = EventPattern;

/** Any full event name of any kind. */
export type AnyEventName = FullEventName;
