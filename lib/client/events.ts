/**
 * The events of the client layer: their payloads, what a handler's return value means, and where
 * they fire. Declared into {@link EventMap} by declaration merging, so the emitter types them.
 *
 * | Event | Fires | Return value |
 * | --- | --- | --- |
 * | `creating-client-class.<service>` | once per session and service, just before the client class exists | ignored; mutate `classAttributes` / `baseClasses` |
 * | `provide-client-params.<service>.<Op>` | first thing in every call | an object replaces the params (first handler that returns one wins; all run) |
 * | `before-parameter-build.<service>.<Op>` | after validation, before the SDK command is built | ignored; mutate `params` |
 * | `before-call.<service>.<Op>` | once per call, request serialized, outside retries | an output object short-circuits the call |
 * | `before-sign.<service>.<Op>` | every attempt, just before signing | ignored; headers added to `request` are signed |
 * | `before-send.<service>.<Op>` | every attempt, signed, just before the network | an {@link HttpResponseInit} replaces the send; the SDK parses it |
 * | `after-call.<service>.<Op>` | once, after a successful call | ignored; mutate `output` |
 * | `after-call-error.<service>.<Op>` | once, after a failed call (HTTP error or transport) | ignored |
 *
 * @module
 */
import type { Readable } from "node:stream";
import type { HttpRequest, HttpResponse } from "@smithy/types";
import type { EventBase } from "../events/EventMap.js";
import type { S3ClientInput, S3Input, S3OperationName, S3Output } from "./s3/types.js";
import type { ClassAttributes } from "../classes/ClassAttributes.js";
import type { ClientBaseClasses } from "./BaseClient.js";

/**
 * The services this library builds clients for. Plugins add services by declaration merging.
 */
export interface Services {
  s3: true;
}

/** The name of a service, such as `"s3"`. */
export type ServiceName = Extract<keyof Services, string>;

/**
 * State shared by every event of one call, for handlers that need to pass data from one event to
 * a later one (`before-call` to `after-call`, say). Put your own data under `custom`.
 */
export interface RequestContext {
  /** The service called, such as `"s3"`. */
  readonly service: ServiceName;
  /** The operation called, by its model name (`"PutObject"`). */
  readonly operation: string;
  /** Attempts made so far (1 at the first `before-sign`); 0 before the first attempt. */
  attempt: number;
  /** Free-form data for handlers. */
  readonly custom: Record<string, unknown>;
}

/** A raw HTTP response a `before-send` handler returns instead of sending the request. */
export interface HttpResponseInit {
  /** The HTTP status, such as `200` or `404`. */
  statusCode: number;
  /** Response headers, by lower-case name. */
  headers?: Record<string, string>;
  /** The body; strings are read as UTF-8. */
  body?: string | Uint8Array | Readable;
}

/** Payload of `creating-client-class.<service>`. */
export interface CreatingClientClassEvent extends EventBase {
  readonly service: ServiceName;
  /** Members of the class being built, by name. Adding is allowed; replacing or deleting throws. */
  readonly classAttributes: ClassAttributes;
  /** The base class first, then mixins whose members are copied onto the built class. */
  readonly baseClasses: ClientBaseClasses;
  /**
   * SDK command classes by operation name (`PutObject`), which `client.call()` can run. Plugins add
   * un-modelled operations here (adding only); their calls then fire the same events.
   */
  readonly operations: ClassAttributes;
}

type PerOperation<T> = { [Op in S3OperationName]: T & { readonly service: "s3"; readonly operation: Op } };

/** Payload of `provide-client-params.s3.<Op>`, discriminated by `operation`. */
export type ProvideClientParamsEvent = {
  [Op in S3OperationName]: PerOperation<{ params: S3ClientInput<Op>; readonly context: RequestContext }>[Op];
}[S3OperationName];

/** Payload of `before-parameter-build.s3.<Op>`, discriminated by `operation`. */
export type BeforeParameterBuildEvent = {
  [Op in S3OperationName]: PerOperation<{
    readonly params: S3Input<Op>;
    readonly context: RequestContext;
  }>[Op];
}[S3OperationName];

/** Payload of `before-call.s3.<Op>`, discriminated by `operation`. */
export type BeforeCallEvent = {
  [Op in S3OperationName]: PerOperation<{
    readonly params: S3Input<Op>;
    /** The serialized request (not yet signed); changing the body here breaks computed checksums. */
    readonly request: HttpRequest;
    readonly context: RequestContext;
  }>[Op];
}[S3OperationName];

/** Payload of `before-sign.s3.<Op>` and `before-send.s3.<Op>`. */
export type RequestAttemptEvent = {
  [Op in S3OperationName]: PerOperation<{
    readonly request: HttpRequest;
    readonly context: RequestContext;
  }>[Op];
}[S3OperationName];

/** Payload of `after-call.s3.<Op>`, discriminated by `operation`. */
export type AfterCallEvent = {
  [Op in S3OperationName]: PerOperation<{
    readonly output: S3Output<Op>;
    /** The raw HTTP response (headers the SDK does not model); absent when `before-call` short-circuited. */
    readonly response: HttpResponse | undefined;
    /** The parameters sent. */
    readonly params: S3Input<Op>;
    readonly context: RequestContext;
  }>[Op];
}[S3OperationName];

/** Payload of `after-call-error.s3.<Op>`. */
export type AfterCallErrorEvent = {
  [Op in S3OperationName]: PerOperation<{
    /** What the call will throw. */
    readonly error: unknown;
    /** HTTP status when the server answered; absent for transport errors. */
    readonly httpStatusCode: number | undefined;
    readonly context: RequestContext;
  }>[Op];
}[S3OperationName];

type ClientEvent<Payload extends object, Result, Sync extends boolean = false> = {
  segments: [ServiceName, S3OperationName];
  keys: ["service", "operation"];
  payload: Payload;
  result: Result;
  sync: Sync;
};

declare module "../events/EventMap.js" {
  interface EventMap {
    "creating-client-class": {
      segments: [ServiceName];
      keys: ["service"];
      payload: Omit<CreatingClientClassEvent, "eventName">;
      result: void;
      sync: true;
    };
    "provide-client-params": ClientEvent<ProvideClientParamsEvent, S3ClientInput>;
    "before-parameter-build": ClientEvent<BeforeParameterBuildEvent, void>;
    "before-call": ClientEvent<BeforeCallEvent, S3Output>;
    "before-sign": ClientEvent<RequestAttemptEvent, void>;
    "before-send": ClientEvent<RequestAttemptEvent, HttpResponseInit>;
    "after-call": ClientEvent<AfterCallEvent, void>;
    "after-call-error": ClientEvent<AfterCallErrorEvent, void>;
  }
}
