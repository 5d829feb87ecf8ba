import type { ServiceIdentifier } from "inversify";
import type { Session } from "../Session.js";
import type { SessionPlugin } from "../SessionPlugin.js";
import type { S3ServiceClient } from "../client/ClientFactory.js";
import type { S3ServiceResource } from "../../resources/s3/ServiceResource.js";

/** A `Symbol.for` identifier typed with the service it identifies. */
function token<T>(name: string): ServiceIdentifier<T> {
  return Symbol.for(`objectscale-resources.di.${name}`);
}

/**
 * The service identifiers {@link objectScaleResourcesModule} binds. Each is a `Symbol.for(...)`
 * (so two copies of the package agree) typed with inversify's `ServiceIdentifier<T>`, so
 * `container.get(TOKENS.S3Resource)` is typed without a type argument.
 *
 * Every token resolves per endpoint: `@named("archive")` (or `{ name: "archive" }`) picks the
 * endpoint called `archive`; no name picks the module's `default` endpoint.
 *
 * | Token | Scope | What |
 * | --- | --- | --- |
 * | `Session` | singleton per endpoint | the endpoint's {@link Session}, plugins installed |
 * | `S3Client` | singleton per endpoint | `session.client("s3")`; closed when the container deactivates it |
 * | `S3Resource` | transient | `session.resource("s3")` over that endpoint's one client: a cheap view |
 * | `SessionPlugin` | yours to bind | extra {@link SessionPlugin}s every session (or one endpoint's, with `whenNamed`) installs |
 *
 * @example
 * ```ts
 * @injectable()
 * class ReportArchive {
 *   constructor(@inject(TOKENS.S3Resource) @named("archive") private readonly s3: S3ServiceResource) {}
 * }
 * const s3 = container.get(TOKENS.S3Resource); // the default endpoint
 * ```
 */
export const TOKENS = Object.freeze({
  /** The endpoint's {@link Session}: one per endpoint. */
  Session: token<Session>("Session"),
  /** The endpoint's S3 client: one per endpoint, shared by its resources, closed on deactivation. */
  S3Client: token<S3ServiceClient>("S3Client"),
  /** A new `S3ServiceResource` over the endpoint's client on every resolution (resources are cheap views). */
  S3Resource: token<S3ServiceResource>("S3Resource"),
  /**
   * Plugins for the sessions the module creates, bound by the application (multi-injection):
   * the way injected dependencies reach `creating-client-class` / `creating-resource-class`
   * handlers and the mixins they add. Unconstrained bindings reach every endpoint;
   * `.whenNamed("archive")` only that one. Installed after the endpoint's own `plugins`.
   */
  SessionPlugin: token<SessionPlugin>("SessionPlugin"),
});
