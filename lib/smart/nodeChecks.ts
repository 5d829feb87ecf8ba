/**
 * The two calls the smart client makes on its own: `GET /?ping` (unsigned) to check a node, and
 * `GET /?endpoint` (signed) to list a group's nodes, each sent to one given node.
 *
 * @module
 */
import type { S3Client } from "@aws-sdk/client-s3";
import type { FinalizeRequestMiddleware, MiddlewareStack } from "@smithy/types";
import { HttpRequest } from "@smithy/core/protocols";
import {
  ListDataNodesCommand,
  PingCommand,
  type ListDataNodesOutput,
  type PingOutput,
} from "../../resources/objectscale/operations/nodes.js";
import type { CheckOutcome } from "./NodePool.js";
import type { NodeAddress } from "./options.js";

/**
 * Checks a node. It fails on no answer within `timeoutMs`, a connection error, a 5xx answer or
 * maintenance mode; any other answer passes, with the load factor when the body is a `PingList`
 * (a server without `?ping`, such as Ceph RGW, answers it as an anonymous ListBuckets).
 *
 * @internal
 */
export async function pingNode(
  client: S3Client,
  node: NodeAddress,
  timeoutMs: number,
  stop: AbortSignal,
): Promise<CheckOutcome> {
  const started = performance.now();
  const done = (fields: Omit<CheckOutcome, "at" | "durationMs">): CheckOutcome => ({
    at: new Date(),
    durationMs: performance.now() - started,
    ...fields,
  });
  const signal = AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]);
  try {
    const out = await sendTo<PingOutput>(client, new PingCommand({}), node, signal);
    const statusCode = out.$metadata.httpStatusCode;
    if (out.MaintenanceMode === "ON") {
      return done({ ok: false, statusCode, reason: "maintenance mode", maintenanceMode: true, loadFactor: out.LoadFactor });
    }
    return done({
      ok: true,
      statusCode,
      maintenanceMode: out.MaintenanceMode === "OFF" ? false : undefined,
      loadFactor: out.LoadFactor,
    });
  } catch (error) {
    const statusCode = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (statusCode !== undefined && statusCode < 500) return done({ ok: true, statusCode });
    const reason =
      statusCode !== undefined
        ? `HTTP ${statusCode}`
        : signal.aborted && !stop.aborted
          ? `no answer within ${timeoutMs} ms`
          : describe(error);
    return done({ ok: false, statusCode, reason, error });
  }
}

/**
 * The data nodes `node` lists for its site (`GET /?endpoint`).
 *
 * @throws what the call throws (HTTP or connection errors, a timeout).
 * @internal
 */
export async function listDataNodes(
  client: S3Client,
  node: NodeAddress,
  timeoutMs: number,
  stop: AbortSignal,
): Promise<readonly string[]> {
  const signal = AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]);
  const out = await sendTo<ListDataNodesOutput>(client, new ListDataNodesCommand({}), node, signal);
  return out.DataNodes;
}

/** Sends `command` to `node` rather than the endpoint, host header included (before signing). */
async function sendTo<O>(
  client: S3Client,
  command: { readonly middlewareStack: object },
  node: NodeAddress,
  abortSignal: AbortSignal,
): Promise<O> {
  const target: FinalizeRequestMiddleware<object, object> = (next) => (args) => {
    const request = args.request;
    if (HttpRequest.isInstance(request)) {
      request.hostname = node.hostname.includes(":") ? `[${node.hostname}]` : node.hostname;
      request.port = node.port;
      request.headers["host"] = node.address;
      // As Dell's smart client does: no idle connection per node is left behind by a check.
      request.headers["connection"] = "close";
    }
    return next(args);
  };
  (command.middlewareStack as MiddlewareStack<object, object>).addRelativeTo(target, {
    relation: "before",
    toMiddleware: "httpSigningMiddleware",
    name: "osrSmartClientTarget",
  });
  // These commands come from defineOperation, outside the SDK's union of S3 commands.
  const send = client.send.bind(client) as unknown as (c: object, o: { abortSignal: AbortSignal }) => Promise<O>;
  return send(command, { abortSignal });
}

function describe(error: unknown): string {
  const e = error as { code?: string; name?: string; message?: string } | undefined;
  return e?.code ?? (e?.message !== undefined && e.message !== "" ? e.message : (e?.name ?? String(error)));
}
