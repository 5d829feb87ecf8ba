import { inspect } from "node:util";
import type { S3Client } from "@aws-sdk/client-s3";
import type { MiddlewareStack } from "@smithy/types";
import type { EventEmitter } from "../events/EventEmitter.js";
import type { AnyClass } from "../classes/buildClass.js";
import { UnknownOperationError } from "../errors.js";
import { validateParams } from "../validation/index.js";
import type { RequestContext, ServiceName } from "./events.js";
import {
  activeRequestEvents,
  addRequestEventMiddleware,
  operationEventNames,
  type OperationEventNames,
} from "./requestEvents.js";
import type { CallOptions, S3ClientInput, S3ClientOutput, S3OperationName, S3Output } from "./s3/types.js";
import { paginate, type PaginatedOperation, type PaginateOptions } from "./s3/paginators.js";
import { addSendProgressMiddleware, addUnsignedPayloadMiddleware } from "./bodyOptions.js";
import {
  waitFor,
  type WaiterName,
  type WaiterInput,
  type WaitOptions,
  type WaiterResult,
} from "./s3/waiters.js";

/** A command class of the SDK, as far as the client needs one. */
export type CommandClass = new (input: object) => {
  readonly middlewareStack: MiddlewareStack<object, object>;
};

/** What every client instance knows about itself. */
export interface ClientMeta {
  /** The service, such as `"s3"`. */
  readonly service: ServiceName;
  /**
   * This client's events. Handlers registered here stay local to this client; handlers registered
   * on the session's emitter reach this client too, including ones registered after it was created.
   */
  readonly events: EventEmitter;
  /** The underlying SDK client, for anything this library does not wrap. */
  readonly sdk: S3Client;
  /** Whether inputs are validated before they are sent. */
  readonly validate: boolean;
}

/** The base class first, then mixins; see `creating-client-class`. */
export type ClientBaseClasses = AnyClass[];

/** Per-class data the factory attaches to the built class: the commands and their event names. */
interface OperationTable {
  readonly commands: Readonly<Record<string, CommandClass>>;
  readonly names: Map<string, OperationEventNames>;
}

const OPERATIONS = Symbol("objectscale-resources.operations");

/**
 * Base class of every service client. The concrete class for a service is built once per session
 * by the client factory, which adds one method per operation and fires `creating-client-class`.
 * Get instances from {@link Session.client | session.client()}; extend the class through that
 * event (a subclass of `BaseClient` as `baseClasses[0]`, or mixins), not by constructing it.
 *
 * Every call runs, in order: `provide-client-params` (a returned object replaces the params),
 * validation (a {@link ValidationError} before anything is sent), `before-parameter-build`, then
 * the SDK's middleware stack, where `before-call`, `before-sign`, `before-send` and `after-call` /
 * `after-call-error` fire.
 *
 * @example
 * ```ts
 * session.events.register("creating-client-class.s3", ({ baseClasses }) => {
 *   baseClasses[0] = class TimedClient extends BaseClient {
 *     startedAt = Date.now();
 *   };
 * });
 * const client = session.client("s3");
 * client instanceof BaseClient; // true
 * await client.putObject({ Bucket: "logs", Key: "a.txt", Body: "hello" });
 * client.destroy();
 * ```
 */
export class BaseClient {
  /** The service, the events, the SDK client. */
  readonly meta: ClientMeta;

  constructor(meta: ClientMeta) {
    this.meta = meta;
  }

  /**
   * Calls an operation by its model name. The camelCase methods (`client.putObject(...)`) call
   * this; plugins that add operations call it too, so their calls fire the same events.
   *
   * @throws {@link ValidationError} when the input is invalid (nothing is sent).
   * @throws {@link UnknownOperationError} when the client has no such operation.
   * @throws the SDK's `S3ServiceException` subclasses for errors from the server.
   *
   * @example
   * ```ts
   * const { ETag } = await client.call("PutObject", { Bucket: "logs", Key: "a.txt", Body: "hello" });
   * ```
   */
  async call<Op extends S3OperationName>(
    operation: Op,
    input?: S3ClientInput<Op>,
    options?: CallOptions,
  ): Promise<S3ClientOutput<Op>> {
    const table = (this as { [OPERATIONS]?: OperationTable })[OPERATIONS];
    const Command = table?.commands[operation];
    if (Command === undefined || table === undefined)
      throw new UnknownOperationError(this.meta.service, operation);
    let names = table.names.get(operation);
    if (names === undefined) {
      names = operationEventNames(this.meta.service, operation);
      table.names.set(operation, names);
    }
    const { events, service } = this.meta;
    const context: RequestContext = { service, operation, attempt: 0, custom: {} };

    let params: object = { ...input };
    if (events.hasHandlers(names.provideParams)) {
      const payload = { service, operation, params, context };
      const results = await events.emitDynamicAsync(names.provideParams, payload);
      const replacement = results.find((r) => r !== undefined);
      params = replacement !== undefined ? { ...(replacement as object) } : payload.params;
    }
    if (this.meta.validate) validateParams(operation, params);
    if (events.hasHandlers(names.beforeParameterBuild)) {
      await events.emitDynamicAsync(names.beforeParameterBuild, { service, operation, params, context });
    }

    const command = new Command(params);
    const active = activeRequestEvents(events, names);
    if (active !== undefined) {
      addRequestEventMiddleware(command.middlewareStack, events, names, active, {
        service,
        operation,
        params,
        context,
      });
    }
    let handlerOptions = options;
    if (options?.onSendProgress !== undefined || options?.unsignedPayload !== undefined) {
      const { onSendProgress, unsignedPayload, ...rest } = options;
      if (onSendProgress !== undefined) addSendProgressMiddleware(command.middlewareStack, onSendProgress);
      if (unsignedPayload === true) addUnsignedPayloadMiddleware(command.middlewareStack);
      handlerOptions = rest;
    }
    // The command classes come from a table keyed by name, so the SDK's per-command overloads cannot apply.
    const sdk = this.meta.sdk as unknown as { send(command: object, options?: CallOptions): Promise<unknown> };
    return sdk.send(command, handlerOptions) as Promise<S3ClientOutput<Op>>;
  }

  /**
   * Iterates over every page of a paginated operation, each page being the operation's output.
   * Pages are fetched one at a time as you iterate; resume by passing the last page's token in
   * the input (`ContinuationToken: page.NextContinuationToken`).
   *
   * @example
   * ```ts
   * for await (const page of client.paginate("ListObjectsV2", { Bucket: "logs", Prefix: "2026/" })) {
   *   for (const o of page.Contents ?? []) console.log(o.Key);
   * }
   * ```
   * @throws {@link PaginationError} when the server returns the same token twice.
   */
  paginate<Op extends PaginatedOperation>(
    operation: Op,
    input: S3ClientInput<Op>,
    options?: PaginateOptions,
  ): AsyncIterable<S3Output<Op>> {
    return paginate(this, operation, input, options);
  }

  /**
   * Polls until a resource reaches a state (`BucketExists`, `BucketNotExists`, `ObjectExists`,
   * `ObjectNotExists`), like the SDK's `waitUntil*` functions, through this client's events.
   *
   * @example
   * ```ts
   * await client.waitFor("BucketExists", { Bucket: "logs" }, { maxWaitMs: 30_000 });
   * ```
   * @throws {@link WaiterTimeoutError} after `maxWaitMs`.
   * @throws {@link WaiterFailedError} on a state that cannot lead to success.
   */
  waitFor<W extends WaiterName>(
    waiter: W,
    input: WaiterInput<W>,
    options?: WaitOptions,
  ): Promise<WaiterResult<W>> {
    return waitFor(this, waiter, input, options);
  }

  /**
   * Closes the SDK client's sockets. The client must not be used afterwards. Call it when you are
   * done with a client, so open keep-alive connections do not keep the process running.
   *
   * @example
   * ```ts
   * const client = session.client("s3");
   * try {
   *   await client.putObject({ Bucket: "logs", Key: "a.txt", Body: "hello" });
   * } finally {
   *   client.destroy();
   * }
   * ```
   */
  destroy(): void {
    this.meta.sdk.destroy();
  }

  /**
   * A readable form without the SDK client, whose configuration holds the credentials: safe to log
   * or serialize. `JSON.stringify(client)` uses it (the SDK client itself is circular).
   *
   * @example
   * ```ts
   * JSON.stringify(session.client("s3")); // '{"service":"s3","validate":true}'
   * ```
   */
  toJSON(): { service: ServiceName; validate: boolean } {
    return { service: this.meta.service, validate: this.meta.validate };
  }

  /** @internal */
  [inspect.custom](): string {
    return `${this.constructor.name} ${inspect(this.toJSON())}`;
  }
}

/**
 * Attaches the operation table to a built client class.
 *
 * @internal
 */
export function registerOperations(
  prototype: object,
  commands: Readonly<Record<string, CommandClass>>,
): void {
  const table: OperationTable = { commands: { ...commands }, names: new Map() };
  Object.defineProperty(prototype, OPERATIONS, { value: table });
}
