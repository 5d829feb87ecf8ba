import { inspect } from "node:util";
import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { EventEmitter } from "./events/EventEmitter.js";
import type { SessionPlugin } from "./SessionPlugin.js";
import { UnknownServiceError } from "./errors.js";
import { buildClientClass, type ClientConstructor, type ServiceClients } from "./client/ClientFactory.js";
import type { ServiceName } from "./client/events.js";
import type { S3ServiceClient } from "./client/ClientFactory.js";
import { s3ResourceDefinitions } from "../resources/s3/index.js";
import type { Resource, ResourceJSON } from "./resources/Resource.js";
import { ResourceFactory } from "./resources/ResourceFactory.js";
import { ResourceRegistry, type ResourceDefinitionClass } from "./resources/ResourceRegistry.js";
import { checkResourceJSON } from "./resources/resourceJSON.js";
import { transfers } from "./transfer/plugin.js";
import { checkCredentials } from "./checkCredentials.js";
import { redactSecretsOf } from "./client/redactSecrets.js";
import { SessionClosedError, SmartClientConfigError } from "./smart/errors.js";
import { resolveSmartClientOptions, type SmartClientOptions } from "./smart/options.js";
import { isRetryStrategyV2 } from "./smart/routing.js";
import { SmartClient } from "./smart/SmartClient.js";
import type { ResourceTypes } from "./resources/types.js";

/** SDK client settings a session passes through untouched (HTTP handler, logger, retry strategy, ...). */
export type SdkClientOptions = Omit<
  S3ClientConfig,
  | "region"
  | "credentials"
  | "profile"
  | "endpoint"
  | "forcePathStyle"
  | "requestChecksumCalculation"
  | "responseChecksumValidation"
  | "maxAttempts"
>;

/** Settings of a {@link Session}; anything left out comes from the environment, as with the SDK. */
export interface SessionOptions {
  /** AWS region, or any region the server accepts. Default: `AWS_REGION`, the profile, then the SDK's chain. */
  region?: string;
  /**
   * Static credentials or a credential provider. Default: the SDK's provider chain (environment,
   * shared files and `profile`, SSO, container and instance metadata).
   */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** A profile of the shared config and credentials files. */
  profile?: string;
  /** The endpoint URL, such as `http://127.0.0.1:7480`. Default: `AWS_ENDPOINT_URL`, then AWS. */
  endpoint?: string;
  /** Address buckets in the path (`/bucket/key`) instead of the host name. Needed for servers without wildcard DNS. */
  forcePathStyle?: boolean;
  /**
   * When the SDK computes request checksums. Ceph and ObjectScale need `"WHEN_REQUIRED"`.
   * Default: `AWS_REQUEST_CHECKSUM_CALCULATION`, then the SDK's `"WHEN_SUPPORTED"`.
   */
  requestChecksumCalculation?: "WHEN_SUPPORTED" | "WHEN_REQUIRED";
  /** When the SDK validates response checksums. Default: `AWS_RESPONSE_CHECKSUM_VALIDATION`, then `"WHEN_SUPPORTED"`. */
  responseChecksumValidation?: "WHEN_SUPPORTED" | "WHEN_REQUIRED";
  /** Attempts per call, the first included. @default 3 (the SDK's standard retry mode) */
  maxAttempts?: number;
  /**
   * Validate inputs before sending them.
   * @default true
   */
  validate?: boolean;
  /** Further SDK client settings, passed through. */
  sdk?: SdkClientOptions;
  /**
   * The resource definitions the session starts with; {@link Session.registerResources} adds more.
   * Pass `[]` to start empty (to register your own `Bucket`, say).
   * @default the built-in S3 definitions (`s3ResourceDefinitions`)
   */
  resourceDefinitions?: readonly ResourceDefinitionClass[];
  /**
   * Plugins, installed in order when the session is created (the ObjectScale plugin, say).
   * Their `sessionDefaults` apply under these options.
   */
  plugins?: readonly SessionPlugin[];
  /**
   * Install the managed transfers (`uploadFile`, `downloadFile`, `uploadStream`,
   * `downloadStream`, `copy` on the S3 client, `Bucket` and `Object`) before `plugins`, as boto3
   * does by default. `false` leaves those names free for a plugin of your own.
   * @default true
   */
  transfers?: boolean;
  /**
   * Spread requests over the data nodes of a cluster, client-side: each attempt goes to the
   * least-loaded healthy node, failed nodes leave the rotation, retries go to another node. `true`
   * starts from the endpoint's own host; see {@link SmartClientOptions} and the
   * [Smart client guide](../docs/guides/smart-client.md). Needs `endpoint`. Applies to the
   * clients that keep the session's endpoint.
   * @default false (nothing is added to the request path)
   */
  smartClient?: boolean | SmartClientOptions;
}

/** Settings of one client; they override the session's. */
export type ClientOptions = Omit<
  SessionOptions,
  "validate" | "resourceDefinitions" | "plugins" | "transfers" | "smartClient"
> & {
  validate?: boolean;
};

/** Settings of one resource tree: a client's settings, or the client itself to share it. */
export interface ResourceOptions extends ClientOptions {
  /**
   * The client of the tree; by default a new one is created with the other options.
   * @default `session.client(service, options)`
   */
  client?: S3ServiceClient;
}

/** The type of `session.resource(service)`: the registered `ServiceResource` type, else {@link Resource}. */
export type ServiceResourceType = ResourceTypeOf<"ServiceResource">;

/** The type a {@link ResourceJSON} of type `T` rebuilds into. */
export type ResourceTypeOf<T extends string> = T extends keyof ResourceTypes ? ResourceTypes[T] : Resource;

/**
 * Holds configuration (region, credentials, endpoint) and the events shared by every client and
 * resource created from it; creates clients.
 *
 * Handlers registered on {@link Session.events} reach every client of the session, including
 * clients created before the handler was registered (botocore copies the emitter into each client
 * and loses later registrations). Handlers registered on `client.meta.events` stay local to that
 * client.
 *
 * @example
 * ```ts
 * const session = new Session({ endpoint: "http://127.0.0.1:7480", forcePathStyle: true });
 * session.events.register("before-sign.s3", ({ request }) => {
 *   request.headers["x-emc-namespace"] = "ns1";
 * });
 * const s3 = session.client("s3");
 * const { Buckets } = await s3.listBuckets();
 * ```
 */
export class Session {
  /** The session's events: handlers here reach all its clients and resources. */
  readonly events: EventEmitter = new EventEmitter();

  readonly #options: SessionOptions;
  readonly #clientClasses = new Map<ServiceName, ClientConstructor<ServiceName>>();
  readonly #registry = new ResourceRegistry();
  readonly #resources = new ResourceFactory(this, this.#registry);
  readonly #smartClient: SmartClient | undefined;
  #closed = false;

  /**
   * @throws {@link InvalidClassDefinitionError} when `options.resourceDefinitions` holds a class
   *   that is not a resource definition, or two of one type.
   * @throws {@link ValidationError} when `options.credentials` are static credentials that cannot
   *   sign (naming the member, never showing its value).
   * @throws {@link SmartClientConfigError} when `options.smartClient` is invalid (naming the setting).
   */
  constructor(options: SessionOptions = {}) {
    const plugins = options.plugins ?? [];
    this.#options = Object.assign({}, ...plugins.map((p) => p.sessionDefaults ?? {}), options) as SessionOptions;
    checkCredentials(this.#options.credentials, "Session");
    const smart = this.#options.smartClient;
    const smartOptions =
      smart === undefined || smart === false ? undefined : resolveSmartClientOptions(smart, this.#options.endpoint);
    const retryStrategy = this.#options.sdk?.retryStrategy;
    if (smartOptions !== undefined && retryStrategy !== undefined && !isRetryStrategyV2(retryStrategy)) {
      throw new SmartClientConfigError(
        "sdk.retryStrategy",
        "the smart client needs a token-based strategy (acquireInitialRetryToken, refreshRetryTokenForRetry, recordSuccess), such as the SDK's StandardRetryStrategy",
      );
    }
    this.#registry.register(...(options.resourceDefinitions ?? s3ResourceDefinitions));
    if (options.transfers !== false) transfers.install(this);
    for (const plugin of plugins) plugin.install(this);
    this.#smartClient = smartOptions && new SmartClient(smartOptions, this.events, sdkConfig(this.#options));
  }

  /**
   * The session's smart client (statistics, checks on demand), when `smartClient` was set.
   *
   * @example
   * ```ts
   * for (const node of session.smartClient?.stats().nodes ?? []) console.log(node.address, node.inRotation);
   * ```
   */
  get smartClient(): SmartClient | undefined {
    return this.#smartClient;
  }

  /** Whether {@link Session.close} was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Closes the session: it creates no more clients or resources, and the smart client (if any)
   * stops its discovery and health checks, cancels those under way, and refuses the calls of the
   * session's clients that start afterwards with {@link SessionClosedError}; calls already under
   * way finish, retries included. Clients keep their own connections: `destroy()` them as before.
   * Idempotent; `await using session = new Session(...)` calls it at the end of the scope.
   *
   * @example
   * ```ts
   * const session = new Session({ endpoint: "http://10.0.0.11:9020", forcePathStyle: true, smartClient: true });
   * try {
   *   await session.client("s3").listBuckets({});
   * } finally {
   *   await session.close();
   * }
   * ```
   */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#smartClient?.close();
  }

  /** `await using session = new Session(...)` closes it at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** The configured region, when one was given (the SDK may still find one in the environment). */
  get region(): string | undefined {
    return this.#options.region;
  }

  /** The configured endpoint, when one was given. */
  get endpoint(): string | undefined {
    return this.#options.endpoint;
  }

  /** The configured profile, when one was given. */
  get profile(): string | undefined {
    return this.#options.profile;
  }

  /**
   * Creates a client for `service`. Each call creates a new client with its own SDK client and
   * connection pool; the client class is built once per session (firing
   * `creating-client-class.<service>` then) and reused.
   *
   * @throws {@link UnknownServiceError} for a service this library does not know.
   * @throws {@link ClassMemberConflictError} when a `creating-client-class` handler redefines a member.
   * @throws {@link ValidationError} when `options.credentials` cannot sign, as for the constructor.
   * @throws {@link SessionClosedError} after {@link Session.close}.
   *
   * @example
   * ```ts
   * const s3 = session.client("s3", { endpoint: "http://127.0.0.1:7480", forcePathStyle: true });
   * await s3.putObject({ Bucket: "logs", Key: "a.txt", Body: "hello" });
   * s3.meta.events.register("after-call.s3", ({ operation }) => console.log(operation)); // this client only
   * ```
   */
  client<S extends ServiceName>(service: S, options: ClientOptions = {}): ServiceClients[S] {
    if (this.#closed) throw new SessionClosedError("a new client");
    const Client = this.#clientClass(service);
    const merged: SessionOptions = {
      ...this.#options,
      ...options,
      sdk: { ...this.#options.sdk, ...options.sdk },
    };
    checkCredentials(merged.credentials, "Session.client");
    const sdk = new S3Client(sdkConfig(merged));
    redactSecretsOf(sdk);
    if (this.#smartClient !== undefined && merged.endpoint === this.#options.endpoint) this.#smartClient.attach(sdk);
    return new Client({ service, events: this.events.child(), sdk, validate: merged.validate !== false });
  }

  /**
   * Creates the service resource of `service`, the root of a resource tree: `s3.Bucket("logs")`,
   * `s3.Object("logs", "a.txt")`, `s3.buckets`, `s3.createBucket(...)`. Each call creates one
   * client (unless `options.client` is given) that every resource of the tree shares. Resource
   * classes are built once per session (firing `creating-resource-class.<service>.<Name>`) and
   * reused.
   *
   * @throws {@link UnknownServiceError} when no resources are registered for `service`.
   * @throws {@link UnknownResourceError} when the service has no `ServiceResource` type.
   * @throws {@link InvalidClassDefinitionError} / {@link ClassMemberConflictError} when a
   *   definition, or a `creating-resource-class` handler, is wrong.
   *
   * @example
   * ```ts
   * const s3 = session.resource("s3");
   * const object = s3.Bucket("logs").Object("2026/app.log");
   * await object.load();
   * console.log(object.contentLength);
   * ```
   */
  resource<S extends ServiceName>(service: S, options: ResourceOptions = {}): ServiceResourceType {
    const services = this.#registry.services();
    if (!services.includes(service)) throw new UnknownServiceError(service, services);
    this.#resources.classFor(service, "ServiceResource");
    const { client, ...clientOptions } = options;
    return this.#resources.serviceResource(
      service,
      client ?? this.client(service, clientOptions),
    ) as unknown as ServiceResourceType;
  }

  /**
   * Registers resource definitions (classes decorated with `@resource(service, name)` that extend
   * {@link Resource}) for this session. Types registered later are usable by every later build; the
   * service resource of a later `resource()` call gets an implicit constructor for them.
   *
   * @throws {@link InvalidClassDefinitionError} when a class is not a resource definition, or its
   *   type is already registered (each type once per session).
   *
   * @example
   * ```ts
   * @resource("s3", "Report")
   * @identifiers("bucketName", "key")
   * class Report extends Resource {}
   * session.registerResources(Report);
   * ```
   */
  registerResources(...definitions: readonly ResourceDefinitionClass[]): void {
    this.#registry.register(...definitions);
  }

  /**
   * Rebuilds a resource from its {@link Resource.toJSON | toJSON()} form, on a new client (or
   * `options.client`). Nothing is requested: load it if you need its data.
   *
   * @throws {@link UnknownServiceError} / {@link UnknownResourceError} for an unknown service or type.
   * @throws {@link MissingIdentifierError} / {@link InvalidIdentifierError} when the identifiers are
   *   not exactly the type's, each a non-empty string.
   *
   * @example
   * ```ts
   * const saved = JSON.stringify(object);
   * const again = session.resourceFromJSON(JSON.parse(saved) as ResourceJSON);
   * again.equals(object); // true
   * ```
   */
  resourceFromJSON<T extends string = string>(
    json: ResourceJSON & { type: T },
    options: ResourceOptions = {},
  ): ResourceTypeOf<T> {
    const { resourceClass, identifiers } = checkResourceJSON(this.#resources, this.#registry, json);
    const { client, ...clientOptions } = options;
    const shared = client ?? this.client(json.service as ServiceName, clientOptions);
    return resourceClass.create(shared, identifiers, undefined) as ResourceTypeOf<T>;
  }

  /**
   * A readable form without secrets: never the credentials, so a session can be logged or
   * serialized safely. `JSON.stringify(session)` uses it.
   *
   * @example
   * ```ts
   * const session = new Session({ endpoint: "http://127.0.0.1:7480", region: "us-east-1" });
   * JSON.stringify(session); // '{"region":"us-east-1","endpoint":"http://127.0.0.1:7480"}'
   * ```
   */
  toJSON(): { region?: string; endpoint?: string; profile?: string } {
    const { region, endpoint, profile } = this.#options;
    return { region, endpoint: endpoint === undefined ? undefined : withoutUserInfo(endpoint), profile };
  }

  /** @internal */
  [inspect.custom](): string {
    return `Session(${inspect(this.toJSON())})`;
  }

  #clientClass<S extends ServiceName>(service: S): ClientConstructor<S> {
    let Client = this.#clientClasses.get(service);
    if (Client === undefined) {
      if (service !== "s3") throw new UnknownServiceError(service, ["s3"]);
      Client = buildClientClass(service, this.events);
      this.#clientClasses.set(service, Client);
    }
    return Client as ClientConstructor<S>;
  }
}

function sdkConfig(options: SessionOptions): S3ClientConfig {
  const config: S3ClientConfig = { ...options.sdk };
  if (options.region !== undefined) config.region = options.region;
  if (options.credentials !== undefined) config.credentials = options.credentials;
  if (options.profile !== undefined) config.profile = options.profile;
  if (options.endpoint !== undefined) config.endpoint = options.endpoint;
  if (options.forcePathStyle !== undefined) config.forcePathStyle = options.forcePathStyle;
  if (options.requestChecksumCalculation !== undefined)
    config.requestChecksumCalculation = options.requestChecksumCalculation;
  if (options.responseChecksumValidation !== undefined)
    config.responseChecksumValidation = options.responseChecksumValidation;
  if (options.maxAttempts !== undefined) config.maxAttempts = options.maxAttempts;
  // A call's `requestTimeout` is a deadline for the response's headers; unless told to throw, the
  // SDK's HTTP handler only logs a warning when it passes, and the call waits on.
  const handler = config.requestHandler;
  if (handler === undefined) config.requestHandler = { throwOnRequestTimeout: true };
  else if (isHandlerOptions(handler)) config.requestHandler = { throwOnRequestTimeout: true, ...handler };
  return config;
}

/** Whether `sdk.requestHandler` is options for the SDK's own handler rather than a handler. */
function isHandlerOptions(handler: unknown): handler is Record<string, unknown> {
  return (
    typeof handler === "object" &&
    handler !== null &&
    typeof (handler as { handle?: unknown }).handle !== "function" &&
    Object.getPrototypeOf(handler) === Object.prototype
  );
}

/** The endpoint without a user name or password (`http://user:secret@host` → `http://host`). */
function withoutUserInfo(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    if (url.username === "" && url.password === "") return endpoint;
    url.username = "";
    url.password = "";
    return url.toString();
  } catch {
    return endpoint.replace(/\/\/[^/@]*@/, "//");
  }
}
