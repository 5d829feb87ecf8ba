/**
 * The request pipeline: address → operation → body → signature → payload checks → handler →
 * response → log. Every request, including rejected ones, is recorded.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";

import { authError } from "../auth/authError.js";
import { safeDecode, UNSIGNED_PAYLOAD } from "../auth/canonical.js";
import { verifySigV4, type VerificationResult } from "../auth/SigV4Verifier.js";
import type { EmulatorState } from "../EmulatorState.js";
import { emptyBucketInProgress } from "../operations/ecs/emptyBucket.js";
import { resolveAddress } from "./addressing.js";
import { resolveOperation, type Operation, type Scope } from "./operations.js";
import type { EmulatorResponse, RequestContext } from "./RequestContext.js";
import type { RecordedSignature, RequestLog } from "./RequestLog.js";
import { checkPayload } from "./checkPayload.js";
import { S3Error } from "./S3Error.js";

let requestCounter = 0;

/** Serves one HTTP request against `state`, recording it in `log`. Never rejects. */
export async function serveRequest(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  log: RequestLog,
): Promise<void> {
  const started = performance.now();
  const time = state.now();
  const requestId = (++requestCounter).toString(16).toUpperCase().padStart(16, "0");
  const method = (req.method ?? "GET").toUpperCase();
  const url = req.url ?? "/";
  const question = url.indexOf("?");
  const rawPath = question < 0 ? url : url.slice(0, question);
  const rawQuery = question < 0 ? "" : url.slice(question + 1);
  const headerLists = headerMultimap(req.rawHeaders);
  const headers: Record<string, string> = {};
  for (const [name, values] of headerLists) headers[name] = values.join(",");
  const query = parseQuery(rawQuery);
  const settings = state.settings;
  const address = resolveAddress(headers["host"], rawPath, settings.baseDomains, settings.namespaces);
  const namespace = address.hostNamespace ?? headers["x-emc-namespace"] ?? settings.namespace;
  const scope: Scope =
    address.key !== undefined ? "object" : address.bucket !== undefined ? "bucket" : "service";
  const resource =
    address.bucket === undefined
      ? "/"
      : `/${address.bucket}${address.key === undefined ? "" : `/${address.key}`}`;

  let operation: Operation | undefined;
  let signature: RecordedSignature = { verdict: "anonymous", kind: "none" };
  let body: Buffer = Buffer.alloc(0);
  let response: EmulatorResponse;
  let errorCode: string | undefined;
  state.inFlight += 1;
  try {
    operation = resolveOperation({ scope, method, query, headers });
    body = await readBody(req, settings.maxBodyBytes, headers["content-length"]);
    if (operation.anonymous) {
      signature = { verdict: "not-required", kind: "none" };
    } else {
      const verification = verifySigV4(
        { method, rawPath, rawQuery, headers: headerLists },
        {
          secretFor: (id) => (id === settings.accessKeyId ? settings.secretAccessKey : undefined),
          now: time,
          maxSkewMs: settings.maxClockSkewMs,
        },
      );
      signature = recordable(verification);
      if (verification.verdict !== "valid") throw authError(verification, time, settings.maxClockSkewMs);
      if (state.maintenanceMode) {
        throw new S3Error(
          503,
          "ServiceUnavailable",
          "The data node is in maintenance mode; use another node (see ?ping)",
        );
      }
      checkPayload(
        verification.payloadHash ?? UNSIGNED_PAYLOAD,
        body,
        headers,
        operation.name,
        settings.requireContentMd5,
      );
    }
    if (operation.writes && address.bucket !== undefined) {
      const bucket = state.store.find(namespace, address.bucket);
      if (bucket?.isEmptying) throw emptyBucketInProgress(bucket.name);
    }
    const ctx: RequestContext = {
      requestId,
      method,
      namespace,
      bucketName: address.bucket,
      key: address.key,
      query,
      headers,
      body,
      now: time,
      state,
      owner: signature.accessKeyId ?? settings.accessKeyId,
    };
    response = operation.handler(ctx);
  } catch (err) {
    const error =
      err instanceof S3Error
        ? err
        : new S3Error(500, "InternalError", `The emulator failed: ${describe(err)}`);
    errorCode = error.status === 304 ? undefined : error.code;
    response = {
      status: error.status,
      headers: { ...error.headers, ...(error.status === 304 ? {} : { "content-type": "application/xml" }) },
      body: error.status === 304 || method === "HEAD" ? undefined : error.toXml(resource, requestId),
    };
  } finally {
    state.inFlight -= 1;
  }

  const sent = send(res, response, requestId, time);
  log.add({
    requestId,
    time,
    method,
    url,
    path: rawPath,
    query: Object.fromEntries(query),
    headers,
    addressing: address.style,
    namespace,
    bucket: address.bucket,
    key: address.key,
    operation: operation?.name ?? "Unknown",
    bodyLength: body.length,
    body: body.length <= settings.recordBodyBytes ? body : undefined,
    signature,
    status: response.status,
    errorCode,
    responseHeaders: sent,
    durationMs: performance.now() - started,
  });
}

function send(
  res: ServerResponse,
  response: EmulatorResponse,
  requestId: string,
  now: number,
): Record<string, string> {
  const headers: Record<string, string> = {
    "x-amz-request-id": requestId,
    "x-amz-id-2": Buffer.from(requestId).toString("base64"),
    date: new Date(now).toUTCString(),
    server: "ObjectScaleEmulator",
    ...response.headers,
  };
  const body = typeof response.body === "string" ? Buffer.from(response.body, "utf8") : response.body;
  if (body !== undefined) headers["content-length"] = String(body.length);
  else if (headers["content-length"] === undefined && response.status !== 204 && response.status !== 304)
    headers["content-length"] = "0";
  try {
    res.writeHead(response.status, headers);
    res.end(body);
  } catch (err) {
    if (!res.headersSent) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`The emulator could not send its response: ${describe(err)}`);
    } else {
      res.destroy();
    }
  }
  return headers;
}

/** Lower-cased header names to their values, in order of arrival. */
function headerMultimap(raw: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? "").toLowerCase();
    const list = map.get(name);
    if (list) list.push(raw[i + 1] ?? "");
    else map.set(name, [raw[i + 1] ?? ""]);
  }
  return map;
}

function parseQuery(rawQuery: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    query.set(safeDecode(eq < 0 ? part : part.slice(0, eq)), safeDecode(eq < 0 ? "" : part.slice(eq + 1)));
  }
  return query;
}

async function readBody(req: IncomingMessage, limit: number, declared: string | undefined): Promise<Buffer> {
  const tooLarge = () =>
    new S3Error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", {
      MaxSizeAllowed: String(limit),
    });
  if (declared !== undefined && Number(declared) > limit) {
    req.resume();
    throw tooLarge();
  }
  if ((declared === undefined || declared === "0") && req.headers["transfer-encoding"] === undefined) {
    req.resume(); // no body: don't wait for it
    return Buffer.alloc(0);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? (chunks[0] ?? Buffer.alloc(0)) : Buffer.concat(chunks, size);
}

function recordable(v: VerificationResult): RecordedSignature {
  return {
    verdict: v.verdict,
    kind: v.kind,
    accessKeyId: v.accessKeyId,
    signedHeaders: v.signedHeaders,
    reason: v.reason || undefined,
  };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
