import type { Session, SessionOptions } from "./Session.js";

/**
 * Something that extends a session through its events, the way botocore plugins extend boto3:
 * pass it in `new Session({ plugins: [...] })`. The session merges each plugin's
 * `sessionDefaults` under the caller's options, then calls `install` before any client or
 * resource exists, so `creating-client-class` and `creating-resource-class` handlers see every
 * class the session builds.
 *
 * @example
 * ```ts
 * const audit: SessionPlugin = {
 *   name: "audit",
 *   install(session) {
 *     session.events.register("after-call.s3", ({ context }) => console.log(context.operation), { uniqueId: "audit" });
 *   },
 * };
 * const session = new Session({ plugins: [audit] });
 * ```
 */
export interface SessionPlugin {
  /** A stable name, such as `objectscale`. */
  readonly name: string;
  /** Session settings the plugin needs; the caller's own options win over them. */
  readonly sessionDefaults?: Partial<Omit<SessionOptions, "plugins">>;
  /** Registers the plugin's handlers on `session.events`; installing twice must change nothing. */
  install(session: Session): void;
}
