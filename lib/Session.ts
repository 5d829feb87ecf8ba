import { inspect } from "node:util";
import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { EventEmitter } from "./events/EventEmitter.js";
import { UnknownServiceError } from "./errors.js";
import { buildClientClass, type ClientConstructor, type ServiceClients } from "./client/ClientFactory.js";
import type { ServiceName } from "./client/events.js";

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
}

/** Settings of one client; they override the session's. */
export type ClientOptions = Omit<SessionOptions, "validate"> & { validate?: boolean };

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

  constructor(options: SessionOptions = {}) {
    this.#options = { ...options };
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
   */
  client<S extends ServiceName>(service: S, options: ClientOptions = {}): ServiceClients[S] {
    const Client = this.#clientClass(service);
    const merged: SessionOptions = {
      ...this.#options,
      ...options,
      sdk: { ...this.#options.sdk, ...options.sdk },
    };
    const sdk = new S3Client(sdkConfig(merged));
    return new Client({ service, events: this.events.child(), sdk, validate: merged.validate !== false });
  }

  /** A readable form without secrets. */
  toJSON(): { region?: string; endpoint?: string; profile?: string } {
    const { region, endpoint, profile } = this.#options;
    return { region, endpoint, profile };
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
  return config;
}
