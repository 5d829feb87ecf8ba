/**
 * The event system: a typed, hierarchical emitter in the manner of botocore's, and the type-level
 * map that declares every event.
 *
 * @module
 */
export { EventEmitter } from "./EventEmitter.js";
export type {
  DynamicEventHandler,
  DynamicPayload,
  DynamicRegisterOptions,
  EventEmitterOptions,
  PatternHandler,
} from "./EventEmitter.js";
export type { Disposer, RegisterOptions, UnregisterOptions } from "./HandlerRegistry.js";
export type { Section } from "./PrefixTrie.js";
export type {
  AnyEventName,
  AnyEventPattern,
  EmitPayload,
  EventBase,
  EventHandler,
  EventKind,
  EventMap,
  EventPattern,
  EventSpec,
  FullEventName,
  IsSync,
  KindOf,
  PayloadOf,
  ResultOf,
  SpecOf,
  SyncEventName,
} from "./EventMap.js";
