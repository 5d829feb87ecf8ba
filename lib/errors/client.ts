/**
 * Errors of validation, events, class building, the client, paginators and waiters.
 *
 * @module
 */
import { ObjectScaleResourcesError } from "./base.js";

/** One field that failed validation. */
export interface ValidationIssue {
  /** Path of the field in the input, such as `Key` or `Delete.Objects[3].Key`. */
  readonly field: string;
  /** What the field must be, in words. */
  readonly expected: string;
  /** A short rendering of what was found (never the content of a body). */
  readonly received: string;
}

/**
 * Input was rejected before anything was sent. Lists every bad field.
 *
 * @example
 * ```ts
 * // ValidationError: HeadObject input is invalid:
 * //  - Key: expected a non-empty string of at most 1024 UTF-8 bytes, received ""
 * ```
 */
export class ValidationError extends ObjectScaleResourcesError {
  /** The operation (or other subject) whose input was rejected. */
  readonly subject: string;
  /** Every field that failed, in input order. */
  readonly issues: readonly ValidationIssue[];

  constructor(subject: string, issues: readonly ValidationIssue[], options?: ErrorOptions) {
    const lines = issues.map((i) => `\n - ${i.field}: expected ${i.expected}, received ${i.received}`);
    super("VALIDATION_FAILED", `${subject} input is invalid:${lines.join("")}`, options);
    this.subject = subject;
    this.issues = issues;
  }
}

/**
 * A class-creation hook tried to add a member that already exists on the class being built, or
 * two mixins define the same member. Raised when the class is built: on the first
 * `session.client(...)` or `session.resource(...)` after the handler was registered.
 *
 * @example
 * ```ts
 * session.events.register("creating-client-class.s3", ({ classAttributes }) => {
 *   classAttributes.putObject = () => {}; // PutObject is already a method of the client
 * });
 * try {
 *   session.client("s3");
 * } catch (err) {
 *   // ClassMemberConflictError: Cannot add member "putObject" to S3ServiceClient: it already exists; choose another name
 *   if (ClassMemberConflictError.is(err)) console.error(err.className, err.member);
 * }
 * ```
 */
export class ClassMemberConflictError extends ObjectScaleResourcesError {
  constructor(
    /** The class being built, such as `S3ServiceClient` or `s3.Bucket`. */
    readonly className: string,
    /** The member that already exists. */
    readonly member: string,
    detail = "it already exists; choose another name",
  ) {
    super("CLASS_MEMBER_CONFLICT", `Cannot add member "${member}" to ${className}: ${detail}`);
  }
}

/**
 * A class definition (or what a hook made of it) cannot be built: a `baseClasses[0]` that does not
 * derive from the default base class, a mixin that is not a class, a class passed to
 * `registerResources` that is not a resource definition or whose type is already registered.
 *
 * @example
 * ```ts
 * session.events.register("creating-client-class.s3", ({ baseClasses }) => {
 *   baseClasses[0] = class NotAClient {}; // must be BaseClient or a subclass of it
 * });
 * try {
 *   session.client("s3");
 * } catch (err) {
 *   if (InvalidClassDefinitionError.is(err)) console.error(err.className, err.message);
 * }
 * ```
 */
export class InvalidClassDefinitionError extends ObjectScaleResourcesError {
  constructor(
    /** The class that cannot be built, such as `S3ServiceClient` or a validation DTO's name. */
    readonly className: string,
    detail: string,
  ) {
    super("INVALID_CLASS_DEFINITION", `Cannot build ${className}: ${detail}`);
  }
}

/**
 * A handler of a synchronous event (such as `creating-client-class`) returned a promise. Class
 * creation cannot wait, so the promise would be ignored; do the asynchronous work before
 * registering.
 *
 * @example
 * ```ts
 * session.events.register("creating-client-class.s3", (async () => {
 *   await loadConfig(); // not awaited by anyone: refused
 * }) as never);
 * try {
 *   session.client("s3");
 * } catch (err) {
 *   if (AsyncHandlerError.is(err)) console.error(err.eventName); // "creating-client-class.s3"
 * }
 * ```
 */
export class AsyncHandlerError extends ObjectScaleResourcesError {
  /** @param eventName - The full name of the synchronous event whose handler returned a promise. */
  constructor(readonly eventName: string) {
    super(
      "ASYNC_HANDLER_IN_SYNC_EVENT",
      `A handler of "${eventName}" returned a promise, but this event is synchronous: ` +
        `do the asynchronous work before registering, or use a request event`,
    );
  }
}

/**
 * A registration or unregistration was contradictory (for example counted and uncounted uses of
 * one uniqueId), or named no valid event. Raised synchronously by `register` and `unregister`,
 * and by a plugin installed twice on one session with different options.
 *
 * @example
 * ```ts
 * session.events.register("before-call.s3", audit, { uniqueId: "audit", uniqueIdUsesCount: true });
 * try {
 *   session.events.register("before-call.s3", audit, { uniqueId: "audit" }); // uncounted use of a counted id
 * } catch (err) {
 *   if (EventRegistrationError.is(err)) console.error(err.message);
 * }
 * ```
 */
export class EventRegistrationError extends ObjectScaleResourcesError {
  constructor(message: string) {
    super("EVENT_REGISTRATION", message);
  }
}

/**
 * `session.client(name)` or `session.resource(name)` was asked for a service this library does not
 * know (also raised by `session.resourceFromJSON` for a JSON naming one).
 *
 * @example
 * ```ts
 * try {
 *   session.resourceFromJSON({ service: "sqs", type: "Queue", identifiers: { url: "..." } });
 * } catch (err) {
 *   // UnknownServiceError: Unknown service "sqs": expected one of "s3"
 *   if (UnknownServiceError.is(err)) console.error(err.service);
 * }
 * ```
 */
export class UnknownServiceError extends ObjectScaleResourcesError {
  constructor(
    /** The service name that was asked for. */
    readonly service: string,
    known: readonly string[],
  ) {
    super(
      "UNKNOWN_SERVICE",
      `Unknown service "${service}": expected one of ${known.map((k) => `"${k}"`).join(", ")}`,
    );
  }
}

/**
 * An operation name that the client does not have. Raised by {@link BaseClient.call | call()}
 * (the typed methods cannot name a missing operation), typically for a plugin operation whose
 * plugin was not installed on the session.
 *
 * @example
 * ```ts
 * try {
 *   await client.call("QueryObjects" as never, { Bucket: "logs" }); // objectScale() plugin not installed
 * } catch (err) {
 *   if (UnknownOperationError.is(err)) console.error(err.service, err.operation);
 * }
 * ```
 */
export class UnknownOperationError extends ObjectScaleResourcesError {
  constructor(
    /** The client's service, such as `s3`. */
    readonly service: string,
    /** The operation name that was asked for, such as `QueryObjects`. */
    readonly operation: string,
  ) {
    super("UNKNOWN_OPERATION", `The ${service} client has no operation "${operation}"`);
  }
}

/**
 * A waiter saw a state that can never lead to success (for example an access-denied error). The
 * error the waiter's request failed with is the `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await client.waitFor("BucketExists", { Bucket: "logs" });
 * } catch (err) {
 *   if (WaiterFailedError.is(err)) console.error(err.waiter, err.cause); // e.g. an AccessDenied from HeadBucket
 * }
 * ```
 */
export class WaiterFailedError extends ObjectScaleResourcesError {
  constructor(
    /** The waiter, such as `BucketExists`. */
    readonly waiter: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super("WAITER_FAILED", `Waiter ${waiter} failed: ${reason}`, options);
  }
}

/**
 * A waiter gave up after its maximum wait time (`maxWaitMs`).
 *
 * @example
 * ```ts
 * try {
 *   await bucket.waitUntilExists({ maxWaitMs: 30_000, delayMs: 1_000 });
 * } catch (err) {
 *   // WaiterTimeoutError: Waiter BucketExists gave up after 31 attempts in 30004 ms
 *   if (WaiterTimeoutError.is(err)) console.error(err.attempts, err.waitedMs);
 * }
 * ```
 */
export class WaiterTimeoutError extends ObjectScaleResourcesError {
  constructor(
    /** The waiter, such as `BucketExists`. */
    readonly waiter: string,
    /** How long the waiter polled before giving up, in milliseconds. */
    readonly waitedMs: number,
    /** How many requests the waiter made. */
    readonly attempts: number,
  ) {
    super("WAITER_TIMEOUT", `Waiter ${waiter} gave up after ${attempts} attempts in ${waitedMs} ms`);
  }
}

/**
 * A paginator saw the server return the token it had just sent, which would loop forever. Raised
 * while iterating `client.paginate(...)` or a resource collection; the pages already yielded stay
 * valid.
 *
 * @example
 * ```ts
 * try {
 *   for await (const page of client.paginate("ListObjectsV2", { Bucket: "logs" })) handle(page);
 * } catch (err) {
 *   if (PaginationError.is(err)) console.error(err.operation, err.token);
 * }
 * ```
 */
export class PaginationError extends ObjectScaleResourcesError {
  constructor(
    /** The paginated operation, such as `ListObjectsV2`. */
    readonly operation: string,
    /** The repeated continuation token(s), as sent. */
    readonly token: string,
  ) {
    super("PAGINATION_LOOP", `${operation} returned the same continuation token twice (${token}); stopping`);
  }
}
