/**
 * Errors of the resource layer and of vendor extensions on resources.
 *
 * @module
 */
import { ObjectScaleResourcesError } from "./base.js";

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
