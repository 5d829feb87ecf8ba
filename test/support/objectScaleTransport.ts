import { Readable } from "node:stream";
import { buildQueryString, HttpResponse } from "@smithy/core/protocols";
import type { HttpRequest } from "@smithy/types";
import { Session } from "../../lib/Session.js";
import type { S3ServiceClient } from "../../lib/client/ClientFactory.js";
import { objectScale, type ObjectScaleOptions } from "../../resources/objectscale/index.js";

/** A canned answer of the {@link WireRecorder}. */
export interface CannedAnswer {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: string;
}

/** One request as it would go on the wire. */
export interface WireRequest {
  method: string;
  hostname: string;
  port: number | undefined;
  path: string;
  /** The query as the SDK's HTTP handler writes it (RFC 3986). */
  queryString: string;
  /** The query parameters decoded again from `queryString`, so what the server would read. */
  query: Record<string, string | null>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Header names listed in the SigV4 `Authorization` header (empty when unsigned). */
  signedHeaders: string[];
  body: string;
}

/**
 * An SDK request handler that records each request in its wire form (encoded query, headers, the
 * signed header list, the body) and answers from a queue of canned responses (the last repeats).
 */
export class WireRecorder {
  readonly requests: WireRequest[] = [];
  /** The abort signal each request was sent with. */
  readonly abortSignals: Array<unknown> = [];
  readonly #answers: CannedAnswer[];

  constructor(...answers: CannedAnswer[]) {
    this.#answers = answers.length > 0 ? answers : [{}];
  }

  /** The only request, failing when there is not exactly one. */
  get only(): WireRequest {
    if (this.requests.length !== 1) throw new Error(`expected 1 request, saw ${this.requests.length}`);
    return this.requests[0]!;
  }

  async handle(
    request: HttpRequest,
    options?: { abortSignal?: unknown },
  ): Promise<{ response: HttpResponse }> {
    this.abortSignals.push(options?.abortSignal);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
    const queryString = request.query ? buildQueryString(request.query) : "";
    const signed = /SignedHeaders=([^,]+)/.exec(headers["authorization"] ?? "")?.[1];
    this.requests.push({
      method: request.method,
      hostname: request.hostname,
      port: request.port,
      path: request.path,
      queryString,
      query: decodeQuery(queryString),
      headers,
      signedHeaders: signed === undefined ? [] : signed.split(";"),
      body: await bodyText(request.body),
    });
    const answer = this.#answers.length > 1 ? this.#answers.shift()! : this.#answers[0]!;
    return {
      response: new HttpResponse({
        statusCode: answer.statusCode ?? 200,
        headers: { "x-amz-request-id": "req-1", ...answer.headers },
        body: Readable.from([Buffer.from(answer.body ?? "")]),
      }),
    };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

function decodeQuery(queryString: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (queryString === "") return out;
  for (const part of queryString.split("&")) {
    const eq = part.indexOf("=");
    if (eq < 0) out[decodeURIComponent(part)] = null;
    else out[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1));
  }
  return out;
}

async function bodyText(body: unknown): Promise<string> {
  if (body === undefined || body === null) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString("utf8");
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString("utf8");
  }
  throw new TypeError("unexpected request body type");
}

/** Path-style (`host/bucket/key`) or virtual-host (`bucket.host/key`) addressing. */
export type Addressing = "path" | "virtual";

/** Both addressing modes, for tests that run in each. */
export const ADDRESSINGS: readonly Addressing[] = ["path", "virtual"];

/** The endpoint host of {@link objectScaleClient}. */
export const ENDPOINT_HOST = "ecs.example.com";

/**
 * An S3 client of a session with the ObjectScale plugin installed, sending to a {@link WireRecorder}.
 */
export function objectScaleClient(
  addressing: Addressing,
  answers: CannedAnswer[] = [],
  options: ObjectScaleOptions = {},
): { client: S3ServiceClient; wire: WireRecorder; session: Session } {
  const wire = new WireRecorder(...answers);
  const plugin = objectScale(options);
  const session = new Session({
    ...plugin.sessionDefaults,
    region: "us-east-1",
    endpoint: `http://${ENDPOINT_HOST}:9020`,
    forcePathStyle: addressing === "path",
    credentials: { accessKeyId: "AKIDOBJECTSCALE", secretAccessKey: "objectscale-secret" },
    maxAttempts: 1,
    sdk: { requestHandler: wire },
  });
  plugin.install(session);
  return { client: session.client("s3"), wire, session };
}

/** Where a request for `bucket` (and `key`) goes in an addressing mode. */
export function address(
  addressing: Addressing,
  bucket?: string,
  key?: string,
): { hostname: string; path: string } {
  const keyPath = key === undefined ? "/" : `/${key}`;
  if (bucket === undefined) return { hostname: ENDPOINT_HOST, path: "/" };
  return addressing === "path"
    ? { hostname: ENDPOINT_HOST, path: `/${bucket}${keyPath}` }
    : { hostname: `${bucket}.${ENDPOINT_HOST}`, path: keyPath };
}

/** An S3 error document. */
export function errorXml(code: string, message: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>req-1</RequestId></Error>`;
}
