/**
 * A fault-injecting HTTP proxy on loopback, between an S3 client and the test server, for the
 * reliability tests: it forwards every request and, by a seeded random schedule or on demand,
 * breaks some of them the ways networks and busy servers do.
 *
 * ```ts
 * const proxy = await FaultProxy.start({ upstream: env.endpoint, seed: 42, rates: { slowDown: 0.05 } });
 * const session = new Session({ endpoint: proxy.endpoint, ... });
 * proxy.inject("resetRequestBody", 2, (r) => r.operation === "UploadPart"); // the next two parts
 * ...
 * console.log(proxy.injected); // { internalError: 3, slowDown: 5, ... }
 * await proxy.close();
 * ```
 *
 * Verify and clean up with a client of the test server itself (`rawS3Client(env)`): only what
 * goes through the proxy can be broken.
 */
import { randomBytes } from "node:crypto";
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { finished } from "node:stream/promises";

/** The faults the proxy injects. */
export const FAULT_KINDS = [
  "internalError",
  "slowDown",
  "resetRequestBody",
  "resetResponseBody",
  "truncateResponse",
  "stall",
] as const;

/**
 * - `internalError`: the request is read, not forwarded, and answered `500 InternalError`.
 * - `slowDown`: likewise, `503 SlowDown`.
 * - `resetRequestBody`: the connection is reset (TCP RST) part-way through the request body; the
 *   server receives the same cut-off body. Only requests with a body.
 * - `resetResponseBody`: forwarded; the response's headers and part of its body reach the client,
 *   then the connection is reset. Only responses with a body.
 * - `truncateResponse`: likewise, but the connection is closed cleanly (FIN), short of the
 *   Content-Length.
 * - `stall`: forwarded; the response is held (before its headers, or part-way through its body)
 *   until the client gives up, or `maxStallMs` passes and the proxy closes the connection.
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The chance, per request, of each fault; they add up to at most 1. */
export type FaultRates = { readonly [K in FaultKind]?: number };

/** How many faults of each kind were injected. */
export type FaultCounts = { [K in FaultKind]: number };

/** What the proxy knows of a request when it decides on a fault. */
export interface ProxiedRequest {
  readonly method: string;
  /** Path and query, as sent (`/bucket/key?partNumber=2&uploadId=...`). */
  readonly url: string;
  /** The S3 operation, guessed from the method, the path and the query (`UploadPart`). */
  readonly operation: string;
  /** The request body's length; 0 without a `Content-Length`. */
  readonly contentLength: number;
}

/** One fault the proxy injected. */
export interface InjectedFault {
  readonly kind: FaultKind;
  readonly operation: string;
  readonly method: string;
  readonly url: string;
}

/** Settings of {@link FaultProxy.start}. */
export interface FaultProxyOptions {
  /** The server to forward to, such as `http://127.0.0.1:7480`. */
  readonly upstream: string;
  /** Seed of the fault schedule and the cut points. @default a random one (see {@link FaultProxy.seed}) */
  readonly seed?: number;
  /** @default no random faults */
  readonly rates?: FaultRates;
  /** Longest a stalled response is held when the client does not give up first. @default 30_000 */
  readonly maxStallMs?: number;
}

interface ForcedFault {
  readonly kind: FaultKind;
  remaining: number;
  readonly match: (request: ProxiedRequest) => boolean;
}

/** A response-phase fault that does not apply (no body) is given back to the rule it came from. */
interface Decision {
  readonly kind: FaultKind;
  readonly rule: ForcedFault | undefined;
}

/**
 * The proxy. Start it with {@link FaultProxy.start}, point a client at {@link FaultProxy.endpoint},
 * and read what it did from {@link FaultProxy.injected} and {@link FaultProxy.log}.
 */
export class FaultProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** The seed in use, to print so a failing run can be repeated. */
  readonly seed: number;
  /** Faults injected so far, by kind. */
  readonly injected: FaultCounts = zeroCounts();
  /** Every fault injected so far, in order. */
  readonly log: InjectedFault[] = [];
  /**
   * Upload ids of CreateMultipartUpload responses that a fault kept from the client: the server
   * opened these uploads, and no client can know it.
   */
  readonly undeliveredUploadIds = new Set<string>();
  /** Requests received so far. */
  requests = 0;
  /** Most client connections open at one time. */
  peakConnections = 0;

  readonly #server: Server;
  readonly #upstream: URL;
  readonly #agent = new Agent({ keepAlive: true });
  readonly #connections = new Set<Socket>();
  readonly #forced: ForcedFault[] = [];
  readonly #random: () => number;
  readonly #maxStallMs: number;
  #rates: FaultRates;

  private constructor(server: Server, options: FaultProxyOptions, seed: number) {
    this.#server = server;
    this.#upstream = new URL(options.upstream);
    this.seed = seed;
    this.#random = seededRandom(seed);
    this.#rates = checkRates(options.rates ?? {});
    this.#maxStallMs = options.maxStallMs ?? 30_000;
    const { port } = server.address() as AddressInfo;
    this.endpoint = `http://127.0.0.1:${port}`;
  }

  /** Listens on an ephemeral port of 127.0.0.1. */
  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const server = createServer({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const proxy = new FaultProxy(server, options, options.seed ?? randomBytes(4).readUInt32BE());
    server.on("connection", (socket) => proxy.#track(socket));
    server.on("request", (req, res) => proxy.#handle(req, res));
    // A client that resets its own connection mid-request: nothing to answer.
    server.on("clientError", (_error, socket) => socket.destroy());
    return proxy;
  }

  /** Client connections open now. */
  get connections(): number {
    return this.#connections.size;
  }

  /** Replaces the random schedule's rates (`{}` turns it off); forced faults stay queued. */
  setRates(rates: FaultRates): void {
    this.#rates = checkRates(rates);
  }

  /**
   * Gives the next `count` requests that `match` (every request by default) fault `kind`, before
   * and regardless of the random schedule. A fault that needs a body waits for a request (or
   * response) that has one.
   */
  inject(kind: FaultKind, count = 1, match: (request: ProxiedRequest) => boolean = () => true): void {
    this.#forced.push({ kind, remaining: count, match });
  }

  /** Drops the forced faults not yet injected. */
  clearInjected(): void {
    this.#forced.length = 0;
  }

  /** Forced faults not yet injected. */
  get pending(): number {
    return this.#forced.reduce((sum, rule) => sum + rule.remaining, 0);
  }

  /** Zeroes the counts and the log (not the seed's sequence). */
  resetCounts(): void {
    for (const kind of FAULT_KINDS) this.injected[kind] = 0;
    this.log.length = 0;
    this.undeliveredUploadIds.clear();
    this.requests = 0;
    this.peakConnections = this.connections;
  }

  /** Stops listening and closes every connection, both sides. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const socket of this.#connections) socket.destroy();
    this.#agent.destroy();
    await closed;
  }

  #track(socket: Socket): void {
    this.#connections.add(socket);
    this.peakConnections = Math.max(this.peakConnections, this.#connections.size);
    socket.on("close", () => this.#connections.delete(socket));
    // Resets are the point here; an unhandled 'error' would end the test process.
    socket.on("error", () => undefined);
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests++;
    const url = req.url ?? "/";
    const method = req.method ?? "GET";
    const request: ProxiedRequest = {
      method,
      url,
      operation: operationOf(method, url, req.headers),
      contentLength: Number(req.headers["content-length"] ?? 0),
    };
    req.on("error", () => undefined);
    res.on("error", () => undefined);
    const decision = this.#decide(request);
    switch (decision?.kind) {
      case "internalError":
        this.#record(request, "internalError");
        void this.#answerError(req, res, request, 500, "InternalError", "We encountered an internal error.");
        return;
      case "slowDown":
        this.#record(request, "slowDown");
        void this.#answerError(req, res, request, 503, "SlowDown", "Please reduce your request rate.");
        return;
      case "resetRequestBody":
        this.#record(request, "resetRequestBody");
        this.#resetRequestBody(req, request);
        return;
      case "resetResponseBody":
      case "truncateResponse":
      case "stall":
      case undefined:
        this.#forward(req, res, request, decision);
        return;
    }
  }

  /** A forced fault first, then the random schedule; undefined passes the request through. */
  #decide(request: ProxiedRequest): Decision | undefined {
    const fits = (kind: FaultKind) => kind !== "resetRequestBody" || request.contentLength > 0;
    const rule = this.#forced.find((r) => r.remaining > 0 && fits(r.kind) && r.match(request));
    if (rule !== undefined) {
      rule.remaining--;
      return { kind: rule.kind, rule };
    }
    let draw = this.#random();
    for (const kind of FAULT_KINDS) {
      draw -= this.#rates[kind] ?? 0;
      if (draw < 0) return fits(kind) ? { kind, rule: undefined } : undefined;
    }
    return undefined;
  }

  #record(request: ProxiedRequest, kind: FaultKind): void {
    this.injected[kind]++;
    this.log.push({ kind, operation: request.operation, method: request.method, url: request.url });
  }

  /** Reads the request (as S3 does before it answers), then answers with an S3 error document. */
  async #answerError(
    req: IncomingMessage,
    res: ServerResponse,
    request: ProxiedRequest,
    status: number,
    code: string,
    message: string,
  ): Promise<void> {
    req.resume();
    try {
      await finished(req);
    } catch {
      return; // the client went away first
    }
    const requestId = `fault-${randomBytes(8).toString("hex")}`;
    const body =
      request.method === "HEAD"
        ? ""
        : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
          `<Resource>${escapeXml(request.url.split("?")[0] ?? "/")}</Resource>` +
          `<RequestId>${requestId}</RequestId><HostId>fault-proxy</HostId></Error>`;
    res.writeHead(status, {
      "content-type": "application/xml",
      "content-length": Buffer.byteLength(body),
      "x-amz-request-id": requestId,
    });
    res.end(body);
  }

  /** Forwards the body up to a random point, then resets the client's connection and drops the upstream request. */
  #resetRequestBody(req: IncomingMessage, request: ProxiedRequest): void {
    const cut = Math.floor(this.#random() * request.contentLength);
    const upstream = this.#upstreamRequest(req);
    upstream.on("error", () => undefined);
    let received = 0;
    const breakOff = () => {
      upstream.destroy();
      if (!req.socket.destroyed) req.socket.resetAndDestroy();
    };
    req.on("close", () => upstream.destroy());
    if (cut === 0) return breakOff();
    req.on("data", (chunk: Buffer) => {
      if (received >= cut) return;
      const piece = chunk.subarray(0, cut - received);
      received += piece.length;
      // The server gets the cut-off body before the connection breaks.
      upstream.write(piece, received >= cut ? breakOff : undefined);
      if (received >= cut) req.pause();
    });
  }

  #forward(
    req: IncomingMessage,
    res: ServerResponse,
    request: ProxiedRequest,
    decision: Decision | undefined,
  ): void {
    const upstream = this.#upstreamRequest(req);
    upstream.on("error", () => {
      if (!res.headersSent) {
        res.writeHead(502, { "content-length": 0 });
        res.end();
      } else res.destroy();
    });
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
    upstream.on("response", (answer) => {
      answer.on("error", () => undefined);
      const hasBody =
        request.method !== "HEAD" &&
        answer.statusCode !== 204 &&
        answer.statusCode !== 304 &&
        (Number(answer.headers["content-length"] ?? 0) > 0 ||
          answer.headers["transfer-encoding"] !== undefined);
      const kind = decision?.kind;
      if (kind === undefined || (kind !== "stall" && !hasBody)) {
        // A forced fault that needs a body waits for the next response that has one.
        if (decision?.rule !== undefined) decision.rule.remaining++;
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        answer.pipe(res);
        return;
      }
      this.#record(request, kind);
      void this.#breakResponse(answer, res, request, kind, hasBody);
    });
  }

  async #breakResponse(
    answer: IncomingMessage,
    res: ServerResponse,
    request: ProxiedRequest,
    kind: FaultKind,
    hasBody: boolean,
  ): Promise<void> {
    const length = Number(answer.headers["content-length"] ?? 0);
    // Before its headers, or some way into its body.
    const midBody = hasBody && (kind !== "stall" || this.#random() < 0.5);
    const cut = midBody ? Math.floor(this.#random() * Math.max(length, 1)) : 0;
    const watchUploadId = request.operation === "CreateMultipartUpload";
    let text = "";
    let sent = 0;
    if (midBody) res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
    const read = new Promise<void>((resolve) => {
      answer.on("end", resolve);
      answer.on("close", resolve);
      answer.on("data", (chunk: Buffer) => {
        if (watchUploadId) text += chunk.toString("utf8");
        if (midBody && sent < cut) {
          const piece = chunk.subarray(0, cut - sent);
          sent += piece.length;
          res.write(piece);
        }
        if (!watchUploadId && sent >= cut) resolve();
      });
    });
    // The body of a CreateMultipartUpload (small) is read to the end; others only up to the cut.
    if (watchUploadId || cut > 0) await read;
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(text)?.[1];
    if (uploadId !== undefined) this.undeliveredUploadIds.add(uploadId);
    answer.destroy();
    const socket = res.socket;
    if (socket === null) return;
    switch (kind) {
      case "resetResponseBody":
        socket.resetAndDestroy();
        return;
      case "truncateResponse":
        socket.end();
        return;
      case "stall": {
        const timer = setTimeout(() => socket.destroy(), this.#maxStallMs);
        res.on("close", () => clearTimeout(timer));
        return;
      }
      case "internalError":
      case "slowDown":
      case "resetRequestBody":
        throw new Error(`${kind} is not a response fault`);
    }
  }

  #upstreamRequest(req: IncomingMessage) {
    const headers: OutgoingHttpHeaders = { ...req.headers };
    // The proxy's server answered `Expect: 100-continue` itself; `expect` is never signed.
    delete headers["expect"];
    return httpRequest({
      host: this.#upstream.hostname,
      port: this.#upstream.port,
      method: req.method,
      path: req.url,
      headers,
      agent: this.#agent,
    });
  }
}

function zeroCounts(): FaultCounts {
  return {
    internalError: 0,
    slowDown: 0,
    resetRequestBody: 0,
    resetResponseBody: 0,
    truncateResponse: 0,
    stall: 0,
  };
}

function checkRates(rates: FaultRates): FaultRates {
  const total = FAULT_KINDS.reduce((sum, kind) => sum + (rates[kind] ?? 0), 0);
  if (FAULT_KINDS.some((kind) => (rates[kind] ?? 0) < 0) || total > 1)
    throw new Error(`Fault rates ${JSON.stringify(rates)} are invalid: each at least 0, together at most 1`);
  return { ...rates };
}

/** A small seeded generator (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The S3 operation of a path-style request, as far as the tests need to tell them apart. */
export function operationOf(method: string, url: string, headers: IncomingMessage["headers"] = {}): string {
  const [path = "/", query = ""] = url.split("?", 2);
  const params = new URLSearchParams(query);
  const onObject = path.replace(/^\/+/, "").includes("/");
  switch (method) {
    case "POST":
      if (params.has("uploads")) return "CreateMultipartUpload";
      if (params.has("uploadId")) return "CompleteMultipartUpload";
      if (params.has("delete")) return "DeleteObjects";
      return "POST";
    case "PUT":
      if (params.has("partNumber")) return headers["x-amz-copy-source"] ? "UploadPartCopy" : "UploadPart";
      if (!onObject) return "CreateBucket";
      return headers["x-amz-copy-source"] ? "CopyObject" : "PutObject";
    case "DELETE":
      if (params.has("uploadId")) return "AbortMultipartUpload";
      return onObject ? "DeleteObject" : "DeleteBucket";
    case "HEAD":
      return onObject ? "HeadObject" : "HeadBucket";
    case "GET":
      if (onObject) return params.has("uploadId") ? "ListParts" : "GetObject";
      if (params.has("uploads")) return "ListMultipartUploads";
      if (params.has("versions")) return "ListObjectVersions";
      return "ListObjects";
    default:
      return method;
  }
}
