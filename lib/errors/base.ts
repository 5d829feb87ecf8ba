/**
 * The base of the error family and the codes it uses.
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
  | "UNKNOWN_ENDPOINT"
  | "SMART_CLIENT_CONFIG"
  | "SESSION_CLOSED";

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
