/**
 * What an operation handler receives (the parsed, authenticated request and the emulator's state)
 * and what it returns.
 *
 * @module
 */
import type { EmulatorState } from "../EmulatorState.js";
import { errors } from "./S3Error.js";
import { parseXml, XmlSyntaxError, type XmlElement } from "../xml/XmlReader.js";
import type { BucketState } from "../store/BucketState.js";

/** A parsed request. */
export interface RequestContext {
  readonly requestId: string;
  readonly method: string;
  /** The namespace from the host, `x-emc-namespace`, or the user's default. */
  readonly namespace: string;
  readonly bucketName: string | undefined;
  readonly key: string | undefined;
  /** Decoded query parameters (the last value wins when a name repeats). */
  readonly query: ReadonlyMap<string, string>;
  /** Lower-cased header names; repeated headers joined with `,`. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  readonly now: number;
  readonly state: EmulatorState;
  /** The authenticated user (its access key id, which ECS also uses as owner id and name). */
  readonly owner: string;
}

/** A response: status, headers, optional body. */
export interface EmulatorResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** A handler of one operation. Handlers are synchronous: each request runs atomically. */
export type OperationHandler = (ctx: RequestContext) => EmulatorResponse;

/** An XML document response. */
export function xmlResponse(
  xml: string,
  status = 200,
  headers: Readonly<Record<string, string>> = {},
): EmulatorResponse {
  return { status, headers: { "content-type": "application/xml", ...headers }, body: xml };
}

/** A response without a body. */
export function emptyResponse(
  status: number,
  headers: Readonly<Record<string, string>> = {},
): EmulatorResponse {
  return { status, headers };
}

/** The bucket the request addresses. @throws S3Error `NoSuchBucket`. */
export function requestBucket(ctx: RequestContext): BucketState {
  return ctx.state.store.get(ctx.namespace, ctx.bucketName ?? "");
}

/** The object key the request addresses (routing guarantees one for object operations). */
export function requestKey(ctx: RequestContext): string {
  return ctx.key ?? "";
}

/** The request body parsed as XML. @throws S3Error `MalformedXML`. */
export function xmlBody(ctx: RequestContext): XmlElement {
  try {
    return parseXml(ctx.body.toString("utf8"));
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw errors.malformedXml(err.message);
    throw err;
  }
}

/** A non-negative integer query parameter, or `fallback` when absent. @throws S3Error `InvalidArgument`. */
export function integerParam(
  ctx: RequestContext,
  name: string,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = ctx.query.get(name);
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw errors.invalidArgument(`${name} must be a non-negative integer`, name, raw);
  return Math.min(Number(raw), max);
}
