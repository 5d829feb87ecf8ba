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
   * by another copy of this package.
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
 * two mixins define the same member.
 */
export class ClassMemberConflictError extends ObjectScaleResourcesError {
  constructor(
    /** The class being built, such as `s3.Client` or `s3.Bucket`. */
    readonly className: string,
    /** The member that already exists. */
    readonly member: string,
    detail = "it already exists; choose another name",
  ) {
    super("CLASS_MEMBER_CONFLICT", `Cannot add member "${member}" to ${className}: ${detail}`);
  }
}

/** A class definition (or what a hook made of it) cannot be built. */
export class InvalidClassDefinitionError extends ObjectScaleResourcesError {
  constructor(
    readonly className: string,
    detail: string,
  ) {
    super("INVALID_CLASS_DEFINITION", `Cannot build ${className}: ${detail}`);
  }
}

/** A handler of a synchronous event (such as `creating-client-class`) returned a promise. */
export class AsyncHandlerError extends ObjectScaleResourcesError {
  constructor(readonly eventName: string) {
    super(
      "ASYNC_HANDLER_IN_SYNC_EVENT",
      `A handler of "${eventName}" returned a promise, but this event is synchronous: ` +
        `do the asynchronous work before registering, or use a request event`,
    );
  }
}

/** A registration or unregistration was contradictory (for example counted and uncounted uses of one uniqueId). */
export class EventRegistrationError extends ObjectScaleResourcesError {
  constructor(message: string) {
    super("EVENT_REGISTRATION", message);
  }
}

/** `session.client(name)` or `session.resource(name)` was asked for a service this library does not know. */
export class UnknownServiceError extends ObjectScaleResourcesError {
  constructor(
    readonly service: string,
    known: readonly string[],
  ) {
    super("UNKNOWN_SERVICE", `Unknown service "${service}": expected one of ${known.map((k) => `"${k}"`).join(", ")}`);
  }
}

/** An operation name that the client does not have. */
export class UnknownOperationError extends ObjectScaleResourcesError {
  constructor(
    readonly service: string,
    readonly operation: string,
  ) {
    super("UNKNOWN_OPERATION", `The ${service} client has no operation "${operation}"`);
  }
}

/** A waiter saw a state that can never lead to success (for example an access-denied error). */
export class WaiterFailedError extends ObjectScaleResourcesError {
  constructor(
    readonly waiter: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super("WAITER_FAILED", `Waiter ${waiter} failed: ${reason}`, options);
  }
}

/** A waiter gave up after its maximum wait time. */
export class WaiterTimeoutError extends ObjectScaleResourcesError {
  constructor(
    readonly waiter: string,
    readonly waitedMs: number,
    readonly attempts: number,
  ) {
    super("WAITER_TIMEOUT", `Waiter ${waiter} gave up after ${attempts} attempts in ${waitedMs} ms`);
  }
}

/** A paginator saw the server return the token it had just sent, which would loop forever. */
export class PaginationError extends ObjectScaleResourcesError {
  constructor(
    readonly operation: string,
    readonly token: string,
  ) {
    super("PAGINATION_LOOP", `${operation} returned the same continuation token twice (${token}); stopping`);
  }
}

/** An attribute was read before the resource's data was loaded. */
export class ResourceNotLoadedError extends ObjectScaleResourcesError {
  constructor(
    /** The resource, in its readable form (`s3.Object(bucketName='b', key='k')`). */
    readonly resource: string,
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

/** A resource was created without one of its identifiers. */
export class MissingIdentifierError extends ObjectScaleResourcesError {
  constructor(
    readonly resourceType: string,
    readonly identifier: string,
    detail = "it is required",
  ) {
    super("MISSING_IDENTIFIER", `${resourceType} needs identifier "${identifier}": ${detail}`);
  }
}

/** A resource type that is not registered for the service. */
export class UnknownResourceError extends ObjectScaleResourcesError {
  constructor(
    readonly service: string,
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
  readonly message: string | undefined;
}

/**
 * Some items of a batch action failed, inside responses that were otherwise successful
 * (DeleteObjects answers 200 and lists per-key errors). Every failed item is listed; nothing is
 * swallowed. `outputs` holds every response received.
 */
export class BatchError extends ObjectScaleResourcesError {
  constructor(
    readonly operation: string,
    readonly failures: readonly BatchItemFailure[],
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
 */
export class UnexpectedResponseError extends ObjectScaleResourcesError {
  constructor(
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

/** A managed transfer was cancelled through its `abortSignal`; `cause` is the signal's reason. */
export class TransferAbortedError extends TransferError {
  constructor(details: TransferErrorDetails, options?: ErrorOptions) {
    super(details, "aborted by its AbortSignal", options, "TRANSFER_ABORTED");
  }
}

/**
 * What arrived is not what was sent: an ETag that is not the MD5 of the part, a download of the
 * wrong size. Retried per part (`partAttempts`) before it is raised.
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
