import { ObjectScaleResourcesError } from "../errors.js";

/**
 * A dependency-injection request named an endpoint that {@link objectScaleResourcesModule} was not
 * given, or asked for the default endpoint when the module has none (several endpoints and no
 * `default`). Thrown by `container.get(...)` / `getAsync(...)`, and by
 * `objectScaleResourcesModule()` itself when its `default` names no endpoint.
 *
 * @example
 * ```ts
 * try {
 *   container.get(TOKENS.S3Resource, { name: "archiv" });
 * } catch (err) {
 *   if (UnknownEndpointError.is(err)) console.error(err.endpoint, err.known); // "archiv", ["aws", "archive"]
 * }
 * ```
 */
export class UnknownEndpointError extends ObjectScaleResourcesError {
  /**
   * @param endpoint - The name asked for; `undefined` for an unnamed (default) request.
   * @param known - The endpoints the module has.
   */
  constructor(
    readonly endpoint: string | undefined,
    readonly known: readonly string[],
  ) {
    const list = known.map((k) => `"${k}"`).join(", ");
    super(
      "UNKNOWN_ENDPOINT",
      endpoint === undefined
        ? `No default endpoint: the module has ${list}; name one with @named(...) or set the module's "default"`
        : `Unknown endpoint "${endpoint}": expected one of ${list}`,
    );
  }
}
