/**
 * The error family of objectscale-resources.
 *
 * Every error the library raises on its own account extends {@link ObjectScaleResourcesError}: it
 * carries a machine-readable {@link ObjectScaleResourcesError.code | code}, a literal `name`, and the
 * underlying failure as `cause`. Errors that come from the server are the SDK's own
 * `S3ServiceException` subclasses and are passed through unchanged.
 *
 * @module
 */

const BRAND = Symbol.for("objectscale-resources.error");

/** Machine-readable codes of the errors this library raises. */
export type ErrorCode =
  | "VALIDATION_FAILED"
  | "CLASS_MEMBER_CONFLICT"
  | "INVALID_CLASS_DEFINITION"
  | "ASYNC_HANDLER_IN_SYNC_EVENT"
  | "EVENT_REGISTRATION"
  | "UNKNOWN_SERVICE"
  | "UNKNOWN_OPERATION"
  | "WAITER_FAILED"
  | "WAITER_TIMEOUT"
  | "PAGINATION_LOOP"
  | "RESOURCE_NOT_LOADED"
  | "MISSING_IDENTIFIER"
  | "UNKNOWN_RESOURCE"
  | "BATCH_ITEMS_FAILED"
  | "UNEXPECTED_RESPONSE"
  | "INVALID_IDENTIFIER"
  | "RESOURCE_NOT_FOUND"
  | "TRANSFER_FAILED"
  | "TRANSFER_ABORTED"
  | "TRANSFER_INTEGRITY"
  | "UNKNOWN_ENDPOINT";

/**
 * Base class of every error raised by objectscale-resources itself.
 *
 * Use the static {@link ObjectScaleResourcesError.is | is()} guard instead of `instanceof`: it also
 * recognises errors thrown by a second copy of the package (two versions in one `node_modules`).
 *
 * @example
 * ```ts
 * try {
 *   await client.headObject({ Bucket: "logs", Key: "" });
 * } catch (err) {
 *   if (ValidationError.is(err)) console.error(err.issues);
 * }
 * ```
 */
export class ObjectScaleResourcesError extends Error {
  /** A stable code, safe to switch on. */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }

  override get name(): string {
    return this.constructor.name;
  }

  /**
   * True when `error` is an instance of this class (or of a subclass), including instances created
   * by another copy of this package. Call it on the class you want to catch: the guard narrows
   * `error` to that class.
   *
   * @example
   * ```ts
   * try {
   *   await bucket.objects.filter({ Prefix: "tmp/" }).delete();
   * } catch (err) {
   *   if (BatchError.is(err)) console.error(err.failures); // narrowed to BatchError
   *   else if (ObjectScaleResourcesError.is(err)) console.error(err.code); // any error of this library
   *   else throw err; // an SDK error from the server, passed through unchanged
   * }
   * ```
   */
  static is<T extends abstract new (...args: never[]) => ObjectScaleResourcesError>(
    this: T,
    error: unknown,
  ): error is InstanceType<T> {
    if (error instanceof this) return true;
    if (typeof error !== "object" || error === null || !(BRAND in error)) return false;
    if ((this as unknown) === ObjectScaleResourcesError) return true;
    // Another copy of the package: compare by name along the prototype chain.
    for (
      let proto = Object.getPrototypeOf(error) as object | null;
      proto !== null;
      proto = Object.getPrototypeOf(proto) as object | null
    ) {
      if ((proto.constructor as { name?: string } | undefined)?.name === this.name) return true;
    }
    return false;
  }
}

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
    super("UNKNOWN_SERVICE", `Unknown service "${service}": expected one of ${known.map((k) => `"${k}"`).join(", ")}`);
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

/**
 * An attribute was read before the resource's data was loaded. Attributes are synchronous
 * getters: call `load()` first, or take the resource from a collection or an action's response,
 * which come with data.
 *
 * @example
 * ```ts
 * const obj = s3.Object("logs", "app.log");
 * try {
 *   console.log(obj.contentLength);
 * } catch (err) {
 *   // ResourceNotLoadedError: s3.Object(bucketName='logs', key='app.log').contentLength is not loaded: ...
 *   if (ResourceNotLoadedError.is(err)) await obj.load();
 * }
 * ```
 */
export class ResourceNotLoadedError extends ObjectScaleResourcesError {
  constructor(
    /** The resource, in its readable form (`s3.Object(bucketName='b', key='k')`). */
    readonly resource: string,
    /** The attribute (or member, such as `load()`) that was used, such as `contentLength`. */
    readonly attribute: string,
    canLoad: boolean,
  ) {
    super(
      "RESOURCE_NOT_LOADED",
      canLoad
        ? `${resource}.${attribute} is not loaded: call \`await resource.load()\` first`
        : `${resource}.${attribute} is not available: this resource has no load operation, ` +
            `it only has data when it comes from a collection or an action's response`,
    );
  }
}

/**
 * A resource was created without one of its identifiers: a JSON form that lacks one, a
 * sub-resource or reference whose identifier is neither passed nor found in the parent's data.
 *
 * @example
 * ```ts
 * try {
 *   session.resourceFromJSON({ service: "s3", type: "Object", identifiers: { bucketName: "logs" } });
 * } catch (err) {
 *   // MissingIdentifierError: s3.Object needs identifier "key": the JSON does not give it
 *   if (MissingIdentifierError.is(err)) console.error(err.resourceType, err.identifier);
 * }
 * ```
 */
export class MissingIdentifierError extends ObjectScaleResourcesError {
  constructor(
    /** The resource type, such as `s3.Object`. */
    readonly resourceType: string,
    /** The identifier that has no value, such as `key`. */
    readonly identifier: string,
    detail = "it is required",
  ) {
    super("MISSING_IDENTIFIER", `${resourceType} needs identifier "${identifier}": ${detail}`);
  }
}

/**
 * A resource type that is not registered for the service: a JSON form naming a type that no
 * definition registered, or a definition referring to one.
 *
 * @example
 * ```ts
 * try {
 *   session.resourceFromJSON({ service: "s3", type: "Report", identifiers: { bucketName: "b", key: "k" } });
 * } catch (err) {
 *   // UnknownResourceError: No resource type "Report" is registered for service "s3"
 *   if (UnknownResourceError.is(err)) session.registerResources(Report);
 * }
 * ```
 */
export class UnknownResourceError extends ObjectScaleResourcesError {
  constructor(
    /** The service, such as `s3`. */
    readonly service: string,
    /** The resource type name that was asked for, such as `Report`. */
    readonly resourceType: string,
  ) {
    super("UNKNOWN_RESOURCE", `No resource type "${resourceType}" is registered for service "${service}"`);
  }
}

/** One item a batch request could not process, as the server reported it. */
export interface BatchItemFailure {
  /** The item's identifiers as sent (`Key`, `VersionId`). */
  readonly item: Readonly<Record<string, unknown>>;
  /** The server's error code, such as `AccessDenied`. */
  readonly code: string | undefined;
  /** The server's error message, when it sent one. */
  readonly message: string | undefined;
}

/**
 * Some items of a batch action failed, inside responses that were otherwise successful
 * (DeleteObjects answers 200 and lists per-key errors). Every failed item is listed; nothing is
 * swallowed. `outputs` holds every response received. When a request failed outright after others
 * had reported item failures, its error is the `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await bucket.objects.filter({ Prefix: "tmp/" }).delete();
 * } catch (err) {
 *   // BatchError: DeleteObjects: 1 item(s) failed:
 *   //  - {"Key":"tmp/locked.bin"}: AccessDenied (Access Denied)
 *   if (!BatchError.is(err)) throw err;
 *   for (const { item, code } of err.failures) console.error(item.Key, code);
 * }
 * ```
 */
export class BatchError extends ObjectScaleResourcesError {
  constructor(
    /** The batch operation, such as `DeleteObjects`. */
    readonly operation: string,
    /** Every item the server refused, in the order reported. */
    readonly failures: readonly BatchItemFailure[],
    /** Every response received, including the ones that listed failures. */
    readonly outputs: readonly unknown[],
    options?: ErrorOptions,
  ) {
    const shown = failures
      .slice(0, 20)
      .map((f) => `\n - ${JSON.stringify(f.item)}: ${f.code ?? "error"}${f.message ? ` (${f.message})` : ""}`)
      .join("");
    const more = failures.length > 20 ? `\n - ... and ${failures.length - 20} more (see .failures)` : "";
    super("BATCH_ITEMS_FAILED", `${operation}: ${failures.length} item(s) failed:${shown}${more}`, options);
  }
}

/**
 * An identifier value was refused: not a non-empty string, not an identifier of the type, or one
 * too many.
 *
 * @example
 * ```ts
 * // InvalidIdentifierError: s3.Bucket has no identifier "nmae": expected one of "name"
 * s3.Bucket({ nmae: "logs" });
 * ```
 */
export class InvalidIdentifierError extends ObjectScaleResourcesError {
  constructor(
    /** The resource type, such as `s3.Bucket`. */
    readonly resourceType: string,
    /** The identifier (or argument) that was refused. */
    readonly identifier: string,
    detail: string,
  ) {
    super("INVALID_IDENTIFIER", `${resourceType} identifier "${identifier}" is invalid: ${detail}`);
  }
}

/**
 * A load request succeeded but its response does not contain the resource (a bucket that
 * `ListBuckets` does not list), so there is no data to load.
 *
 * @example
 * ```ts
 * // ResourceNotFoundError: s3.Bucket(name='logs') was not found: ListBuckets returned no Buckets element with Name = "logs"
 * ```
 */
export class ResourceNotFoundError extends ObjectScaleResourcesError {
  constructor(
    /** The resource, in its readable form. */
    readonly resource: string,
    /** The operation whose response was searched. */
    readonly operation: string,
    detail: string,
  ) {
    super("RESOURCE_NOT_FOUND", `${resource} was not found: ${operation} returned ${detail}`);
  }
}

/**
 * The server answered successfully but not the way the operation requires: an append without an
 * append offset, say, which means the server is not ObjectScale and treated the request as a plain
 * (overwriting) PUT.
 *
 * @example
 * ```ts
 * try {
 *   await s3.Object("logs", "app.log").append("line\n");
 * } catch (err) {
 *   // UnexpectedResponseError: AppendObject: the server sent no append offset for s3.Object(...): ...
 *   if (UnexpectedResponseError.is(err)) console.error(err.operation, err.message);
 * }
 * ```
 */
export class UnexpectedResponseError extends ObjectScaleResourcesError {
  constructor(
    /** The operation whose response was not usable, such as `AppendObject`. */
    readonly operation: string,
    detail: string,
  ) {
    super("UNEXPECTED_RESPONSE", `${operation}: ${detail}`);
  }
}

/** Where a managed transfer failed: what was moved, and the multipart state it left. */
export interface TransferErrorDetails {
  /** `upload`, `download` or `copy`. */
  readonly direction: "upload" | "download" | "copy";
  readonly bucket: string;
  readonly key: string;
  /** The local file, for `uploadFile` and `downloadFile`. */
  readonly path?: string;
  /** The multipart upload that was started, when there was one. */
  readonly uploadId?: string;
  /** The part (or download range, counting from 1) that failed, when one did. */
  readonly partNumber?: number;
  /** True when `uploadId` was aborted on the server, so no parts are left behind. */
  readonly uploadAborted?: boolean;
  /** The error of the AbortMultipartUpload that should have cleaned up, when it failed too. */
  readonly abortError?: unknown;
}

/**
 * A managed transfer (`uploadFile`, `downloadFile`, `uploadStream`, `downloadStream`, `copy`)
 * failed. `cause` is the failure itself (an SDK error, a file-system error); the details say which
 * part failed and whether the multipart upload was aborted. A partial download file is always
 * removed before this is thrown.
 *
 * @example
 * ```ts
 * // TransferError: upload of s3://logs/app.log failed at part 7 (multipart upload 2~abc aborted): InternalError
 * try {
 *   await client.uploadFile("./app.log", "logs", "app.log");
 * } catch (err) {
 *   if (!TransferError.is(err)) throw err;
 *   console.error(err.partNumber, err.uploadId, err.uploadAborted, err.cause);
 * }
 * ```
 */
export class TransferError extends ObjectScaleResourcesError implements TransferErrorDetails {
  readonly direction: TransferErrorDetails["direction"];
  readonly bucket: string;
  readonly key: string;
  readonly path?: string;
  readonly uploadId?: string;
  readonly partNumber?: number;
  readonly uploadAborted?: boolean;
  readonly abortError?: unknown;

  constructor(
    details: TransferErrorDetails,
    detail: string,
    options?: ErrorOptions,
    code: ErrorCode = "TRANSFER_FAILED",
  ) {
    const part = details.partNumber !== undefined ? ` at part ${details.partNumber}` : "";
    const upload =
      details.uploadId === undefined
        ? ""
        : details.uploadAborted
          ? ` (multipart upload ${details.uploadId} aborted)`
          : ` (multipart upload ${details.uploadId} NOT aborted: abort it or let a lifecycle rule expire it)`;
    super(
      code,
      `${details.direction} of s3://${details.bucket}/${details.key} failed${part}${upload}: ${detail}`,
      options,
    );
    this.direction = details.direction;
    this.bucket = details.bucket;
    this.key = details.key;
    if (details.path !== undefined) this.path = details.path;
    if (details.uploadId !== undefined) this.uploadId = details.uploadId;
    if (details.partNumber !== undefined) this.partNumber = details.partNumber;
    if (details.uploadAborted !== undefined) this.uploadAborted = details.uploadAborted;
    if (details.abortError !== undefined) this.abortError = details.abortError;
  }
}

/**
 * A managed transfer was cancelled through its `abortSignal`; `cause` is the signal's reason.
 * Everything in flight is cancelled and cleaned up (the multipart upload aborted, a partial
 * download removed) before it is thrown. It is a {@link TransferError}, so check for it first.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 10_000);
 * try {
 *   await client.downloadFile("backups", "db.dump", "./db.dump", { abortSignal: controller.signal });
 * } catch (err) {
 *   if (TransferAbortedError.is(err)) console.log("cancelled", err.uploadAborted);
 *   else throw err;
 * }
 * ```
 */
export class TransferAbortedError extends TransferError {
  constructor(details: TransferErrorDetails, options?: ErrorOptions) {
    super(details, "aborted by its AbortSignal", options, "TRANSFER_ABORTED");
  }
}

/**
 * What arrived is not what was sent: an ETag that is not the MD5 of the part, a download of the
 * wrong size. Retried per part (`partAttempts`) before it is raised.
 *
 * @example
 * ```ts
 * try {
 *   await client.uploadFile("./db.dump", "backups", "db.dump", { partAttempts: 3 });
 * } catch (err) {
 *   if (TransferIntegrityError.is(err)) console.error(err.partNumber, err.expected, err.received);
 *   else throw err;
 * }
 * ```
 */
export class TransferIntegrityError extends TransferError {
  constructor(
    details: TransferErrorDetails,
    /** What was expected, such as an MD5 or a size. */
    readonly expected: string,
    /** What the server sent or what was written. */
    readonly received: string,
    what: string,
  ) {
    super(details, `${what}: expected ${expected}, received ${received}`, undefined, "TRANSFER_INTEGRITY");
  }
}
