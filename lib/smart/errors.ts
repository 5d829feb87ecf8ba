/**
 * Errors of the smart client: a bad configuration, and a call on a closed session.
 *
 * @module
 */
import { ObjectScaleResourcesError } from "../errors.js";

/**
 * A `smartClient` setting of a session is invalid: thrown by `new Session(...)` before anything is
 * sent or scheduled, naming the setting (`smartClient.hosts[1]`, `smartClient.healthCheckIntervalMs`).
 *
 * @example
 * ```ts
 * try {
 *   new Session({ endpoint: "http://10.0.0.11:9020", smartClient: { hosts: ["http://10.0.0.12"] } });
 * } catch (err) {
 *   if (SmartClientConfigError.is(err)) console.error(err.field); // "smartClient.hosts[0]"
 * }
 * ```
 */
export class SmartClientConfigError extends ObjectScaleResourcesError {
  /**
   * @param field - The setting at fault, as a path from the session options.
   * @param detail - What was found and what was expected.
   * @param options - The underlying error, if any, as `cause`.
   */
  constructor(
    readonly field: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super("SMART_CLIENT_CONFIG", `Invalid ${field}: ${detail}`, options);
  }
}

/**
 * The session was closed ({@link Session.close}): it creates no more clients, and the calls of its
 * smart-routed clients that start after the close are refused. Calls already under way finish,
 * retries included.
 *
 * @example
 * ```ts
 * await session.close();
 * try {
 *   await s3.headBucket({ Bucket: "logs" });
 * } catch (err) {
 *   if (SessionClosedError.is(err)) console.error(err.message);
 * }
 * ```
 */
export class SessionClosedError extends ObjectScaleResourcesError {
  /** @param what - What was refused, such as `a new client` or `HeadBucket`. */
  constructor(readonly what: string) {
    super("SESSION_CLOSED", `The session is closed: ${what} was refused; create a new Session`);
  }
}
