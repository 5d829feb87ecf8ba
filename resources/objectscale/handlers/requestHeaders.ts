/**
 * The `before-sign` handler: writes the call's `x-emc-*` headers and the namespace (a header, or a
 * host label) just before SigV4, so all of it is signed.
 *
 * @module
 */
import { isIP } from "node:net";
import type { HttpRequest } from "@smithy/types";
import type { RequestAttemptEvent } from "../../../lib/client/events.js";
import type { ResolvedObjectScaleOptions } from "../options.js";
import { callState, existingCallState } from "./callState.js";

type Payload = Pick<RequestAttemptEvent, "operation" | "request" | "context">;

/** Operations that address one data node, whose host must not change. */
const NODE_OPERATIONS: ReadonlySet<string> = new Set(["Ping"]);

/**
 * Writes the headers the call's `ObjectScale` member produced and the namespace. Runs on every
 * attempt; idempotent, so retries send the same request.
 *
 * @example
 * ```ts
 * events.register("before-sign.s3", requestHeadersHandler(options));
 * ```
 */
export function requestHeadersHandler(options: ResolvedObjectScaleOptions) {
  return ({ operation, request, context }: Payload): void => {
    const state = existingCallState(context);
    if (state?.headers !== undefined) Object.assign(request.headers, state.headers);
    const namespace = state?.namespace ?? options.namespace;
    if (namespace === undefined) return;
    const hostname = request.hostname.replace(/^\[(.*)\]$/, "$1");
    if (options.namespaceAddressing === "header" || NODE_OPERATIONS.has(operation) || isIP(hostname) !== 0) {
      request.headers["x-emc-namespace"] = namespace;
      return;
    }
    const call = callState(context);
    if (call.hostRewritten === true) return;
    setHostname(request, namespaceHost(request.hostname, namespace, call.bucket));
    call.hostRewritten = true;
  };
}

/**
 * The host with the namespace label: after the bucket label of a virtual host
 * (`bucket.ns.base`), else first (`ns.base`); unchanged when the label is already there.
 *
 * @example
 * ```ts
 * namespaceHost("logs.s3.example.com", "ns1", "logs"); // "logs.ns1.s3.example.com"
 * namespaceHost("s3.example.com", "ns1", "logs");      // "ns1.s3.example.com"
 * ```
 */
export function namespaceHost(hostname: string, namespace: string, bucket: string | undefined): string {
  const label = `${namespace.toLowerCase()}.`;
  const lower = hostname.toLowerCase();
  if (bucket !== undefined && lower.startsWith(`${bucket.toLowerCase()}.`)) {
    const rest = hostname.slice(bucket.length + 1);
    return rest.toLowerCase().startsWith(label)
      ? hostname
      : `${hostname.slice(0, bucket.length)}.${namespace}.${rest}`;
  }
  return lower.startsWith(label) ? hostname : `${namespace}.${hostname}`;
}

function setHostname(request: HttpRequest, hostname: string): void {
  const previous = request.hostname;
  if (hostname === previous) return;
  request.hostname = hostname;
  for (const name of Object.keys(request.headers)) {
    const value = request.headers[name];
    if (name.toLowerCase() === "host" && value !== undefined && value.startsWith(previous)) {
      request.headers[name] = hostname + value.slice(previous.length);
    }
  }
}
