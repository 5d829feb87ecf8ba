/**
 * An in-process, in-memory S3 server that speaks Dell ObjectScale / ECS: the standard S3 operations
 * plus the ECS extensions (metadata search and queries, byte-range writes and appends, retention,
 * stale reads, background bucket emptying, ping, data nodes, list-buckets paging, copy-range,
 * enabling Object Lock on an existing bucket), with SigV4 verification on every request.
 *
 * @module
 */
import type { S3ClientConfig } from "@aws-sdk/client-s3";

import { EmulatorCluster, type EmulatorClusterOptions } from "./EmulatorCluster.js";
import { EmulatorState } from "./EmulatorState.js";
import { HttpListener } from "./http/HttpListener.js";
import { RequestLog, type RecordedRequest } from "./http/RequestLog.js";
import { serveRequest } from "./http/serveRequest.js";
import type { BucketDescription } from "./describeBucket.js";
import { describeBucket } from "./describeBucket.js";
import { clientConfigFor, resolveSettings } from "./settings.js";

/** Access keys of the emulator's user. */
export interface EmulatorCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** Options of {@link ObjectScaleEmulator.start}; every one has a default. */
export interface ObjectScaleEmulatorOptions {
  /** Port on 127.0.0.1. @default 0 (a free port) */
  readonly port?: number;
  /** The one user's keys; its access key id is also its owner id, as for ECS object users. @default `{ accessKeyId: "emulator", secretAccessKey: "emulator-secret" }` */
  readonly credentials?: EmulatorCredentials;
  /** The user's namespace, used when neither the host nor `x-emc-namespace` names one. @default "ns1" */
  readonly namespace?: string;
  /** Further namespaces recognised as a host label (`bucket.ns2.localhost`); any namespace works through `x-emc-namespace`. @default [] */
  readonly namespaces?: readonly string[];
  /** The region reported to clients; signatures scoped to any region are accepted, as ECS ignores regions. @default "us-east-1" */
  readonly region?: string;
  /** Host names whose sub-domains are virtual-host buckets. @default ["localhost"] */
  readonly baseDomains?: readonly string[];
  /** Data nodes listed by `GET /?endpoint`. @default ["127.0.0.1"] */
  readonly dataNodes?: readonly string[];
  /** `VersionInfo` of `GET /?endpoint`. @default "3.8.1.0-objectscale-emulator" */
  readonly versionInfo?: string;
  /** Start in maintenance mode (`?ping` reports ON; every other request gets 503). @default false */
  readonly maintenanceMode?: boolean;
  /**
   * The server clock, in epoch ms or as a `Date`: object times, retention, Object Lock, presigned
   * URL expiry and the clock-skew check use it. With a fake clock, also set `maxClockSkewMs`.
   * @default Date.now
   */
  readonly clock?: () => number | Date;
  /** The tolerated difference between a request's `x-amz-date` and the clock. @default 900000 (15 min) */
  readonly maxClockSkewMs?: number;
  /** Minimum size of every multipart part but the last. @default 5242880 (5 MiB) */
  readonly minPartSize?: number;
  /** Largest accepted request body. @default 1073741824 (1 GiB) */
  readonly maxBodyBytes?: number;
  /** ECS retention policies (`x-emc-retention-policy`) and their periods in seconds; unknown names retain nothing. @default {} */
  readonly retentionPolicies?: Readonly<Record<string, number>>;
  /** Whether the D@RE licence is present; without it, `x-emc-server-side-encryption-enabled: true` fails. @default true */
  readonly encryptionLicensed?: boolean;
  /** Pace of the background bucket-emptying task. @default `{ stepDelayMs: 10, entriesPerStep: 1000 }` */
  readonly emptyBucket?: { readonly stepDelayMs?: number; readonly entriesPerStep?: number };
  /** Require `Content-MD5` (not only a flexible checksum) on DeleteObjects and PutObjectLockConfiguration. @default false */
  readonly requireContentMd5?: boolean;
  /** Send `NextMarker` `NO MORE PAGES` on the last query page, as ECS before 3.4. @default false */
  readonly legacyQueryEndMarker?: boolean;
  /** How many requests `requests` keeps (the oldest go first). @default 5000 */
  readonly maxRecordedRequests?: number;
  /** Request bodies up to this size are kept in the log. @default 8192 */
  readonly recordBodyBytes?: number;
}

/** What {@link ObjectScaleEmulator.clientConfig} can vary. */
export interface ClientConfigOptions {
  /** Address buckets as `bucket.localhost:PORT` (through {@link loopbackAgent}) instead of by path. @default false */
  readonly virtualHost?: boolean;
  /** Put a namespace in the host (`ns.localhost`); with path style it needs to be a known namespace. */
  readonly namespaceInHost?: string;
}

/**
 * An ObjectScale-compatible S3 server running inside the current process, for development and tests.
 * Everything lives in memory and disappears with {@link ObjectScaleEmulator.stop}.
 *
 * Served: bucket CRUD and listing (with ECS `marker`/`limit` paging), objects (user metadata,
 * range reads, conditional reads and writes, versions, tagging), CopyObject, DeleteObjects,
 * ListObjects v1/v2, ListObjectVersions, multipart uploads (with UploadPartCopy), bucket
 * versioning, Object Lock (bucket configuration, retention, legal hold), and every ECS extension of
 * the reference: CreateBucket `x-emc-*` options, metadata-search keys and queries, byte-range
 * update/overwrite/append, ECS retention and `?retentionUpdate`, `?isstaleallowed`, background
 * emptying, `?ping`, `?endpoint`, copy-range, `?enable-object-lock`.
 *
 * Accepted but not enforced: ACLs (the owner always has full control), CORS, lifecycle, policy,
 * website, encryption, ownership and public-access-block documents (stored and returned as sent),
 * `x-amz-server-side-encryption: AES256` and D@RE (nothing is encrypted), file-system buckets
 * (only their `/`-only delimiter rule), stale reads and replication groups (recorded only).
 *
 * Not served: SigV2 (400), aws-chunked bodies (400, as ECS refuses them), SSE-C (501) and KMS (400),
 * POST object uploads (405), `GetObject` by `partNumber` (the whole object is returned), several
 * ranges in one read (the whole object is returned), Select, restore, torrent, attributes,
 * inventory/analytics/metrics/logging/notification/replication/accelerate/request-payment (501),
 * IAM, STS and more than one user.
 *
 * @example
 * ```ts
 * import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";
 * import { ObjectScaleEmulator } from "objectscale-resources/testing";
 *
 * await using emu = await ObjectScaleEmulator.start();
 * const s3 = new S3Client(emu.clientConfig());
 * await s3.send(new PutObjectCommand({ Bucket: "b", Key: "k", Body: "hi" })); // NoSuchBucket
 * console.log(emu.requests.at(-1)?.errorCode); // "NoSuchBucket"
 * ```
 */
export class ObjectScaleEmulator {
  readonly #listener: HttpListener;
  readonly #state: EmulatorState;
  readonly #log: RequestLog;
  readonly #port: number;
  #stopping: Promise<void> | undefined;

  private constructor(listener: HttpListener, state: EmulatorState, log: RequestLog) {
    this.#listener = listener;
    this.#state = state;
    this.#log = log;
    this.#port = listener.port;
  }

  /**
   * Starts an emulator listening on 127.0.0.1 (in a few milliseconds).
   *
   * @example
   * ```ts
   * const emu = await ObjectScaleEmulator.start({ namespace: "finance", minPartSize: 1024 });
   * try {
   *   // new S3Client(emu.clientConfig()) …
   * } finally {
   *   await emu.stop();
   * }
   * ```
   *
   * @throws Error when the port cannot be bound (for example `EADDRINUSE` for a fixed port).
   */
  static async start(options: ObjectScaleEmulatorOptions = {}): Promise<ObjectScaleEmulator> {
    const settings = resolveSettings(options);
    const clock = options.clock;
    const now = clock === undefined ? Date.now : () => Number(clock());
    const state = new EmulatorState(settings, now, options.maintenanceMode ?? false);
    const log = new RequestLog(settings.maxRecordedRequests);
    const listener = await HttpListener.open(options.port ?? 0, (req, res) => void serveRequest(req, res, state, log));
    return new ObjectScaleEmulator(listener, state, log);
  }

  /**
   * Starts several emulator nodes over one shared store, like the data nodes of one ObjectScale
   * site: each node has its own port on 127.0.0.1, maintenance flag, load and request log, and
   * can be stopped and restarted while the others keep serving the same buckets and objects.
   * `GET /?endpoint` lists the nodes as `127.0.0.1:PORT`. See {@link EmulatorCluster}.
   *
   * @example
   * ```ts
   * await using cluster = await ObjectScaleEmulator.startCluster({ nodes: 3 });
   * const session = new Session({
   *   endpoint: cluster.endpoint,
   *   region: cluster.region,
   *   credentials: cluster.credentials,
   *   forcePathStyle: true,
   *   smartClient: { hosts: cluster.addresses },
   * });
   * await cluster.nodes[1]!.stop(); // the others keep serving
   * ```
   *
   * @throws Error when a port cannot be bound.
   */
  static startCluster(options: EmulatorClusterOptions = {}): Promise<EmulatorCluster> {
    return EmulatorCluster.start(options);
  }

  /** `http://127.0.0.1:PORT`, for path-style clients. */
  get endpoint(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** `http://localhost:PORT`, for virtual-host clients (resolve `*.localhost` with {@link loopbackAgent}). */
  get virtualHostEndpoint(): string {
    return `http://localhost:${this.#port}`;
  }

  /** The TCP port it listens on. */
  get port(): number {
    return this.#port;
  }

  /** The region to configure clients with (any region signs correctly). */
  get region(): string {
    return this.#state.settings.region;
  }

  /** The keys of the emulator's user. */
  get credentials(): EmulatorCredentials {
    const { accessKeyId, secretAccessKey } = this.#state.settings;
    return { accessKeyId, secretAccessKey };
  }

  /** The user's default namespace. */
  get namespace(): string {
    return this.#state.settings.namespace;
  }

  /** Every request served so far (up to `maxRecordedRequests`), oldest first. A copy. */
  get requests(): readonly RecordedRequest[] {
    return this.#log.snapshot();
  }

  /**
   * Forgets the recorded requests, so a test can look at {@link ObjectScaleEmulator.requests}
   * from a known point. The stored buckets and objects stay.
   *
   * @example
   * ```ts
   * emu.clearRequests();
   * await s3.send(new HeadBucketCommand({ Bucket: "logs" }));
   * emu.requests.map((r) => r.operation); // ["HeadBucket"]
   * ```
   */
  clearRequests(): void {
    this.#log.clear();
  }

  /** Whether `?ping` reports maintenance mode (and other requests get 503). */
  get maintenanceMode(): boolean {
    return this.#state.maintenanceMode;
  }

  set maintenanceMode(on: boolean) {
    this.#state.maintenanceMode = on;
  }

  /**
   * Settings for `new S3Client(...)`: endpoint, region, credentials, addressing style, and the
   * checksum settings ECS needs (`WHEN_REQUIRED`).
   *
   * @example
   * ```ts
   * const s3 = new S3Client(emu.clientConfig({ virtualHost: true }));
   * ```
   */
  clientConfig(options: ClientConfigOptions = {}): S3ClientConfig {
    return clientConfigFor(this.#port, this.#state.settings, options);
  }

  /**
   * A snapshot of a bucket's state (ECS options, versioning, counts), or `undefined` when it does
   * not exist. It reads the server's state directly, without a request, so it is not logged.
   *
   * @param name - The bucket's name.
   * @param namespace - The namespace the bucket is in; the emulator's {@link ObjectScaleEmulator.namespace} when omitted.
   *
   * @example
   * ```ts
   * await s3.send(new CreateBucketCommand({ Bucket: "logs" }));
   * await s3.send(new PutObjectCommand({ Bucket: "logs", Key: "a.txt", Body: "hi" }));
   * emu.describeBucket("logs")?.keyCount; // 1
   * emu.describeBucket("nope"); // undefined
   * ```
   */
  describeBucket(name: string, namespace = this.namespace): BucketDescription | undefined {
    const bucket = this.#state.store.find(namespace, name);
    return bucket && describeBucket(bucket);
  }

  /**
   * Deletes every bucket and object, keeping the server, its settings and the request log: a
   * cheap way to isolate tests that share one emulator.
   *
   * @example
   * ```ts
   * let emu: ObjectScaleEmulator;
   * before(async () => (emu = await ObjectScaleEmulator.start()));
   * afterEach(() => emu.reset());
   * after(() => emu.stop());
   * ```
   */
  reset(): void {
    this.#state.store.clear();
  }

  /**
   * Stops listening, closes open connections, cancels background tasks and frees all data.
   * Idempotent: every call returns the same promise. `await using` calls it for you.
   *
   * @example
   * ```ts
   * const emu = await ObjectScaleEmulator.start();
   * try {
   *   const s3 = new S3Client(emu.clientConfig());
   *   await s3.send(new CreateBucketCommand({ Bucket: "logs" }));
   * } finally {
   *   await emu.stop();
   * }
   * ```
   */
  stop(): Promise<void> {
    this.#stopping ??= (() => {
      this.#state.dispose();
      this.#log.clear();
      return this.#listener.close();
    })();
    return this.#stopping;
  }

  /** `await using emu = await ObjectScaleEmulator.start()` stops it at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}
