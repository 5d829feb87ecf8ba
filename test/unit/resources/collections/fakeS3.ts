import type { HttpRequest } from "@smithy/types";
import { HttpResponse } from "@smithy/core/protocols";
import { Readable } from "node:stream";
import { Session, type S3ServiceClient } from "../../../../index.js";
import { stubSessionOptions, StubTransport } from "../../../support/stubTransport.js";

/** A request as the fake bucket saw it. */
export interface WireRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: string;
  /** For DeleteObjects: the keys in the body, in order. */
  readonly keys: readonly string[];
}

/** How the fake answers a DeleteObjects request; `undefined` for the default (all deleted). */
export type DeleteBehaviour = (
  keys: readonly string[],
  index: number,
) => { status?: number; failed?: Readonly<Record<string, string | undefined>> } | undefined;

/** Options of {@link FakeBucket}. */
export interface FakeBucketOptions {
  /** Items per page when the request has no max-keys (S3 says 1,000), and the cap on max-keys. */
  readonly defaultPageSize?: number;
  /** Milliseconds before each answer (DeleteObjects only, unless `delayLists`). */
  readonly delayMs?: number;
  readonly delayLists?: boolean;
  readonly onDelete?: DeleteBehaviour;
  /** Answers ListObjectsV2 with this token as NextContinuationToken, always (a broken server). */
  readonly stuckToken?: string;
}

const MAX_REQUESTS = 500;

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * An SDK request handler that behaves like one S3 bucket "b" holding `keys`: ListObjectsV2 with
 * continuation tokens, max-keys, Prefix and Delimiter, and DeleteObjects. It records every request
 * and counts how many DeleteObjects are in flight at once. Aborted requests reject at once.
 */
export class FakeBucket {
  readonly requests: WireRequest[] = [];
  /** Most DeleteObjects requests in flight at the same time. */
  maxInFlight = 0;
  inFlight = 0;
  /** Deletes answered so far. */
  deletesDone = 0;
  readonly #keys: readonly string[];
  readonly #options: FakeBucketOptions;

  constructor(keys: readonly string[], options: FakeBucketOptions = {}) {
    this.#keys = [...keys].sort();
    this.#options = options;
  }

  get lists(): WireRequest[] {
    return this.requests.filter((r) => r.method === "GET");
  }

  get deletes(): WireRequest[] {
    return this.requests.filter((r) => r.method === "POST");
  }

  async handle(
    request: HttpRequest,
    options: { abortSignal?: AbortSignal } = {},
  ): Promise<{ response: HttpResponse }> {
    const body =
      typeof request.body === "string"
        ? request.body
        : request.body
          ? Buffer.from(request.body as Uint8Array).toString()
          : "";
    const keys = [...body.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]!);
    // A runaway loop would otherwise starve the event loop, and mocha's timeout with it.
    if (this.requests.length >= MAX_REQUESTS)
      throw new Error(`fake bucket: more than ${MAX_REQUESTS} requests`);
    const seen: WireRequest = {
      method: request.method,
      path: request.path,
      headers: { ...request.headers },
      query: { ...request.query },
      body,
      keys,
    };
    this.requests.push(seen);
    const isDelete = request.method === "POST";
    if (isDelete) this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    try {
      if (this.#options.delayMs !== undefined && (isDelete || this.#options.delayLists === true)) {
        await delay(this.#options.delayMs, options.abortSignal);
      }
      options.abortSignal?.throwIfAborted();
      return { response: isDelete ? this.#delete(keys, this.deletes.length - 1) : this.#list(seen.query) };
    } finally {
      if (isDelete) {
        this.inFlight--;
        this.deletesDone++;
      }
    }
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  #list(query: Readonly<Record<string, unknown>>): HttpResponse {
    const prefix = (query["prefix"] as string | undefined) ?? "";
    const delimiter = query["delimiter"] as string | undefined;
    const token = query["continuation-token"] as string | undefined;
    const cap = this.#options.defaultPageSize ?? 1000;
    const max = Math.min(query["max-keys"] !== undefined ? Number(query["max-keys"]) : cap, cap);
    const start = token !== undefined ? Number(token.slice(1)) : 0;
    const matching = this.#keys.filter((k) => k.startsWith(prefix));
    const contents: string[] = [];
    const prefixes = new Set<string>();
    let at = start;
    for (; at < matching.length; at++) {
      const key = matching[at]!;
      const cut = delimiter === undefined ? -1 : key.indexOf(delimiter, prefix.length);
      const rolledUp = cut >= 0 ? key.slice(0, cut + 1) : undefined;
      if (rolledUp !== undefined && prefixes.has(rolledUp)) continue;
      if (contents.length + prefixes.size >= max) break;
      if (rolledUp !== undefined) prefixes.add(rolledUp);
      else contents.push(key);
    }
    const next = this.#options.stuckToken ?? (at < matching.length ? `t${at}` : undefined);
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>b</Name><Prefix>${escape(prefix)}</Prefix>` +
      `<KeyCount>${contents.length + prefixes.size}</KeyCount>` +
      (next !== undefined
        ? `<IsTruncated>true</IsTruncated><NextContinuationToken>${next}</NextContinuationToken>`
        : "<IsTruncated>false</IsTruncated>") +
      contents.map((k) => `<Contents><Key>${escape(k)}</Key><Size>1</Size></Contents>`).join("") +
      [...prefixes].map((p) => `<CommonPrefixes><Prefix>${escape(p)}</Prefix></CommonPrefixes>`).join("") +
      "</ListBucketResult>";
    return answer(200, xml);
  }

  #delete(keys: readonly string[], index: number): HttpResponse {
    const behaviour = this.#options.onDelete?.(keys, index);
    if (behaviour?.status !== undefined) {
      return answer(
        behaviour.status,
        "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
      );
    }
    const failed = behaviour?.failed ?? {};
    const entries = keys.map((k) =>
      failed[k] !== undefined
        ? `<Error><Key>${escape(k)}</Key><Code>${failed[k]}</Code><Message>${failed[k]} message</Message></Error>`
        : `<Deleted><Key>${escape(k)}</Key></Deleted>`,
    );
    return answer(
      200,
      `<?xml version="1.0" encoding="UTF-8"?><DeleteResult>${entries.join("")}</DeleteResult>`,
    );
  }
}

function answer(statusCode: number, body: string): HttpResponse {
  return new HttpResponse({
    statusCode,
    headers: { "x-amz-request-id": "fake", "content-type": "application/xml" },
    body: Readable.from([Buffer.from(body)]),
  });
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

/** An SDK request handler, as far as the tests need one. */
export type Transport =
  Pick<FakeBucket, "handle" | "updateHttpClientConfig" | "httpHandlerConfigs"> | StubTransport;

/** A transport that forwards to whichever bucket is current: one client for many fake buckets. */
export class Router {
  bucket = new FakeBucket([]);
  readonly client: S3ServiceClient = clientFor(this);

  handle(...args: Parameters<FakeBucket["handle"]>): ReturnType<FakeBucket["handle"]> {
    return this.bucket.handle(...args);
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

/** A client whose requests go to `transport` (a {@link FakeBucket} or a {@link StubTransport}). */
export function clientFor(transport: Transport): S3ServiceClient {
  const options = stubSessionOptions(transport as StubTransport);
  return new Session({ ...options, maxAttempts: 1 }).client("s3");
}

/** `count` keys `k0000`, `k0001`, ... (sorted as listed). */
export function keysOf(count: number, prefix = "k"): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, "0")}`);
}
