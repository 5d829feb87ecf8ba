/**
 * The request side of the smart client: the middleware that sends each attempt to a node, the
 * failure classification, and the retry-strategy wrapper that keeps unsafe requests from being
 * repeated.
 *
 * @module
 */
import { HttpRequest } from "@smithy/core/protocols";
import type { FinalizeRequestMiddleware, RetryErrorInfo, RetryStrategyV2, RetryToken } from "@smithy/types";
import type { NodePool } from "./NodePool.js";
import type { NodeAddress } from "./options.js";

/** How an attempt's request is rewritten for a node: what it was addressed to before routing. */
interface Origin {
  /** The virtual-host labels in front of the endpoint's host (`bucket`, `bucket.ns1`); "" for path style. */
  readonly prefix: string;
  /** The Host header the SDK set, if any. */
  readonly hostHeader: string | undefined;
  /** Not safe to repeat once it may have reached a node. */
  readonly unsafe: boolean;
  readonly bucket: string | undefined;
}

/** `false`: the request is not addressed to the endpoint (a call to one given node, say); left alone. */
type RouteState = Origin | false;

/** The name of the routing middleware in the SDK client's stack. */
export const ROUTING_MIDDLEWARE = "osrSmartClientRouting";

const CONNECT_FAILURES = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const TRANSPORT_FAILURES = new Set([...CONNECT_FAILURES, "ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED"]);
const NODE_FAILURE_STATUSES = new Set([500, 502, 503, 504]);

/** Errors of unsafe requests that may have reached a node: the retry strategy must not repeat them. */
const doNotRetry = new WeakSet<object>();

/**
 * The middleware that picks a node for each attempt. It sits between the SDK's retry middleware
 * and signing, so every attempt chooses again and is signed for the host it goes to.
 *
 * @internal
 */
export function routingMiddleware(
  pool: NodePool,
  endpoint: NodeAddress,
  refuse: (operation: string) => Error | undefined,
): FinalizeRequestMiddleware<object, object> {
  const routes = new WeakMap<HttpRequest, RouteState>();
  return (next, context) => async (args) => {
    const request = args.request;
    if (!HttpRequest.isInstance(request)) return next(args);
    let route = routes.get(request);
    if (route === undefined) {
      // The same request object comes back for each attempt of a call: the first one is the call.
      const refusal = refuse(String((context as { commandName?: string }).commandName ?? "a call"));
      if (refusal !== undefined) throw refusal;
      route = origin(request, endpoint, (args.input as { Bucket?: unknown }).Bucket);
      routes.set(request, route);
    }
    if (route === false) return next(args);
    const node = pool.choose(route.bucket);
    address(request, route, node.address);
    node.inFlight++;
    const started = performance.now();
    try {
      const result = await next(args);
      node.finished(performance.now() - started, false);
      return result;
    } catch (error) {
      const nodeFailure = isNodeFailure(error);
      node.finished(performance.now() - started, nodeFailure);
      if (nodeFailure) pool.failed(node, error);
      if (route.unsafe && !isConnectFailure(error) && typeof error === "object" && error !== null) {
        doNotRetry.add(error);
      }
      throw error;
    }
  };
}

/**
 * Wraps a retry strategy so that it refuses to retry what {@link routingMiddleware} marked unsafe;
 * everything else is decided by `inner` (the SDK's standard strategy retries connection errors,
 * timeouts and 500/502/503/504, within `maxAttempts` and its retry quota).
 *
 * @internal
 */
export function guardRetries(inner: RetryStrategyV2): RetryStrategyV2 {
  return {
    acquireInitialRetryToken: (scope: string) => inner.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token: RetryToken, info: RetryErrorInfo) => {
      if (typeof info.error === "object" && info.error !== null && doNotRetry.has(info.error)) {
        return Promise.reject(info.error);
      }
      return inner.refreshRetryTokenForRetry(token, info);
    },
    recordSuccess: (token: RetryToken) => inner.recordSuccess(token),
  };
}

/** Whether an SDK retry strategy has the token interface {@link guardRetries} needs. */
export function isRetryStrategyV2(strategy: unknown): strategy is RetryStrategyV2 {
  const s = strategy as Partial<RetryStrategyV2> | undefined;
  return (
    typeof s?.acquireInitialRetryToken === "function" &&
    typeof s.refreshRetryTokenForRetry === "function" &&
    typeof s.recordSuccess === "function"
  );
}

/**
 * Whether a failed attempt says something about the node rather than the request: no answer
 * (connection refused or reset, timeout) or a 500/502/503/504 answer.
 *
 * @internal
 */
export function isNodeFailure(error: unknown): boolean {
  const e = error as { $metadata?: { httpStatusCode?: number }; code?: string; name?: string } | undefined;
  if (e === undefined || e === null) return false;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) return NODE_FAILURE_STATUSES.has(status);
  return TRANSPORT_FAILURES.has(e.code ?? "") || e.name === "TimeoutError";
}

/** No byte of the request left this machine: even an unsafe request may go to another node. */
function isConnectFailure(error: unknown): boolean {
  const e = error as { code?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.$metadata?.httpStatusCode === undefined && CONNECT_FAILURES.has(e?.code ?? "");
}

/**
 * Whether repeating a request could change the result: ObjectScale appends and byte-range writes
 * (a PUT with `Range`) and S3 appends (`x-amz-write-offset-bytes`). Plain PUT, GET, HEAD, DELETE,
 * part uploads and completions are safe to repeat.
 *
 * @internal
 */
export function isUnsafe(request: HttpRequest): boolean {
  if (request.method !== "PUT") return false;
  const headers = request.headers;
  for (const name in headers) {
    const lower = name.toLowerCase();
    if (lower === "range" || lower === "x-amz-write-offset-bytes") return true;
  }
  return false;
}

function origin(request: HttpRequest, endpoint: NodeAddress, bucket: unknown): RouteState {
  const port = request.port ?? undefined;
  if (port !== endpoint.port) return false;
  const hostname = request.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  const own = endpoint.hostname.toLowerCase();
  let prefix: string;
  if (hostname === own) prefix = "";
  else if (hostname.endsWith(`.${own}`)) prefix = request.hostname.slice(0, hostname.length - own.length - 1);
  else return false;
  return {
    prefix,
    hostHeader: request.headers["host"],
    unsafe: isUnsafe(request),
    bucket: typeof bucket === "string" && bucket !== "" ? bucket : undefined,
  };
}

/**
 * Points the request at `node`. Path style: the node's host and port, Host header included. Virtual
 * host on a named node: the labels stay in front of the node's name (`bucket.node2.example.com`).
 * Virtual host on an IP node: the connection goes to the IP while the Host header (and with it the
 * signature and TLS server name) keeps the endpoint's name, as DNS round-robin would.
 */
function address(request: HttpRequest, route: Origin, node: NodeAddress): void {
  const bracketed = node.hostname.includes(":") ? `[${node.hostname}]` : node.hostname;
  request.port = node.port;
  if (route.prefix === "") {
    request.hostname = bracketed;
    if (route.hostHeader !== undefined) request.headers["host"] = node.address;
  } else if (node.isIp) {
    request.hostname = bracketed;
  } else {
    request.hostname = `${route.prefix}.${node.hostname}`;
    if (route.hostHeader !== undefined) request.headers["host"] = `${route.prefix}.${node.address}`;
  }
}
