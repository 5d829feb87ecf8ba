/**
 * The `smartClient` session option: its shape, defaults, and the checks that run before a session
 * exists.
 *
 * @module
 */
import { isIP } from "node:net";
import { SmartClientConfigError } from "./errors.js";

/**
 * Where a {@link HostsProvider} is asked for hosts: which group, and the nodes it has now.
 */
export interface DiscoveryContext {
  /** The index of the group in `groups` (0 with `hosts`). */
  readonly group: number;
  /** The group's nodes now, as `host:port`. */
  readonly current: readonly string[];
}

/**
 * Supplies the hosts of a group, for servers without `GET /?endpoint` (Ceph RGW behind a service
 * registry, say): called at start and every `discoveryIntervalMs`. Entries are `host` or
 * `host:port`, like `hosts`; a plain host takes the endpoint's port. An empty answer, or a throw,
 * keeps the current nodes.
 */
export type HostsProvider = (context: DiscoveryContext) => Promise<readonly string[]> | readonly string[];

/**
 * Settings of the smart client: client-side load balancing over the data nodes of an ObjectScale
 * cluster (or any set of equivalent S3 endpoints), with health checks, failover and optional
 * bucket pinning to node groups. See the [Smart client guide](../../docs/guides/smart-client.md).
 *
 * Host strings are `host`, `host:port`, or `[ipv6]:port`, without a scheme: the scheme is always
 * the session endpoint's, and a host without a port takes the endpoint's port.
 *
 * @example
 * ```ts
 * const session = new Session({
 *   endpoint: "http://10.0.0.11:9020",
 *   forcePathStyle: true,
 *   smartClient: { discovery: "listDataNodes", healthCheckIntervalMs: 5_000 },
 * });
 * ```
 */
export interface SmartClientOptions {
  /**
   * The seed nodes (one group). Leave out to start from the endpoint's own host.
   * @default the session endpoint's `host:port`
   */
  readonly hosts?: readonly string[];
  /**
   * Several groups of nodes (one per site, say) instead of `hosts`: each bucket is pinned to the
   * group its name hashes to, and moves to the next group in hash order only while every node of
   * its group is out of the rotation. Calls without a bucket use every group.
   */
  readonly groups?: readonly (readonly string[])[];
  /**
   * How to refresh each group's nodes: `"listDataNodes"` asks a node of the group for
   * `GET /?endpoint` (ObjectScale and ECS; signed), a function supplies them itself, `false` keeps
   * the configured hosts.
   * @default false
   */
  readonly discovery?: "listDataNodes" | HostsProvider | false;
  /** Milliseconds between discoveries. @default 120000 (as Dell's Java smart client) */
  readonly discoveryIntervalMs?: number;
  /**
   * Check every node with `GET /?ping` (unsigned). A node in maintenance mode, or whose check
   * times out, cannot connect or answers 5xx, leaves the rotation until a check passes. Servers
   * without `?ping` (Ceph RGW answers it as an anonymous ListBuckets) pass with any other answer
   * and an unknown load.
   * @default true
   */
  readonly healthCheck?: boolean;
  /** Milliseconds between health checks. @default 10000 */
  readonly healthCheckIntervalMs?: number;
  /** Milliseconds a node has to answer a health check. @default 2000 */
  readonly healthCheckTimeoutMs?: number;
  /**
   * Milliseconds a node stays out of the rotation after a request to it failed (connection error,
   * timeout or 5xx). A passing health check brings it back earlier; a failing one keeps it out.
   * `0` never takes a node out on a request failure.
   * @default 10000
   */
  readonly failureBackoffMs?: number;
}

/** The defaults of {@link SmartClientOptions}. */
export const SMART_CLIENT_DEFAULTS = Object.freeze({
  discovery: false,
  discoveryIntervalMs: 120_000,
  healthCheck: true,
  healthCheckIntervalMs: 10_000,
  healthCheckTimeoutMs: 2_000,
  failureBackoffMs: 10_000,
} as const);

/** A node's address, parsed. */
export interface NodeAddress {
  /** The host name or IP, without IPv6 brackets. */
  readonly hostname: string;
  /** The port; `undefined` for the scheme's default. */
  readonly port: number | undefined;
  /** `host:port` (IPv6 in brackets), or the host alone for the scheme's default port: the node's key. */
  readonly address: string;
  /** Whether `hostname` is an IP address (virtual-host requests keep their Host header then). */
  readonly isIp: boolean;
}

/** @internal Settings after defaults and checks. */
export interface ResolvedSmartClientOptions {
  readonly protocol: "http:" | "https:";
  /** The endpoint's host: requests addressed to it (or to `bucket.` + it) are routed. */
  readonly endpoint: NodeAddress;
  readonly groups: readonly (readonly NodeAddress[])[];
  readonly discovery: "listDataNodes" | HostsProvider | false;
  readonly discoveryIntervalMs: number;
  readonly healthCheck: boolean;
  readonly healthCheckIntervalMs: number;
  readonly healthCheckTimeoutMs: number;
  readonly failureBackoffMs: number;
}

/**
 * Checks the option against the session's endpoint and applies the defaults.
 *
 * @throws {@link SmartClientConfigError} naming the first setting at fault.
 * @internal
 */
export function resolveSmartClientOptions(
  option: boolean | SmartClientOptions,
  endpoint: string | undefined,
): ResolvedSmartClientOptions {
  if (endpoint === undefined) {
    throw new SmartClientConfigError("endpoint", "the smart client needs the session's endpoint (its scheme and default port); none was given");
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch (cause) {
    throw new SmartClientConfigError("endpoint", `"${endpoint}" is not a URL`, { cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SmartClientConfigError("endpoint", `"${endpoint}": expected an http or https URL`);
  }
  const port = url.port === "" ? undefined : Number(url.port);
  const own = nodeAddress(url.hostname.replace(/^\[(.*)\]$/, "$1"), port);
  const o: SmartClientOptions = option === true ? {} : option === false ? {} : option;
  if (typeof o !== "object" || o === null) {
    throw new SmartClientConfigError("smartClient", "expected true or an object of settings");
  }
  const groups = resolveGroups(o, own);
  const discovery = o.discovery ?? SMART_CLIENT_DEFAULTS.discovery;
  if (discovery !== false && discovery !== "listDataNodes" && typeof discovery !== "function") {
    throw new SmartClientConfigError("smartClient.discovery", `expected "listDataNodes", a function or false, got ${JSON.stringify(discovery)}`);
  }
  const healthCheck = o.healthCheck ?? SMART_CLIENT_DEFAULTS.healthCheck;
  if (typeof healthCheck !== "boolean") {
    throw new SmartClientConfigError("smartClient.healthCheck", `expected a boolean, got ${JSON.stringify(healthCheck)}`);
  }
  return {
    protocol: url.protocol,
    endpoint: own,
    groups,
    discovery,
    discoveryIntervalMs: positive(o, "discoveryIntervalMs"),
    healthCheck,
    healthCheckIntervalMs: positive(o, "healthCheckIntervalMs"),
    healthCheckTimeoutMs: positive(o, "healthCheckTimeoutMs"),
    failureBackoffMs: positive(o, "failureBackoffMs", true),
  };
}

/**
 * Parses a host entry: `host`, `host:port` or `[ipv6]:port`, without scheme, path or user; a bare
 * IPv6 address is accepted too (as `GET /?endpoint` may list one).
 *
 * @returns `undefined` when the text is not such an entry.
 * @internal
 */
export function parseHost(text: string, defaultPort: number | undefined): NodeAddress | undefined {
  if (typeof text !== "string" || text === "" || /[\s/@?#\\]/.test(text)) return undefined;
  if (isIP(text) === 6) return nodeAddress(text, defaultPort);
  let url: URL;
  try {
    url = new URL(`http://${text}`);
  } catch {
    return undefined;
  }
  if (url.hostname === "") return undefined;
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  // URL drops ":80" for http; a port written out is kept as written.
  const written = /:(\d+)$/.exec(text)?.[1];
  const port = url.port !== "" ? Number(url.port) : written !== undefined ? Number(written) : defaultPort;
  return nodeAddress(hostname, port);
}

function nodeAddress(hostname: string, port: number | undefined): NodeAddress {
  const ip = isIP(hostname);
  const host = ip === 6 ? `[${hostname}]` : hostname;
  return { hostname, port, address: port === undefined ? host : `${host}:${port}`, isIp: ip !== 0 };
}

function resolveGroups(o: SmartClientOptions, own: NodeAddress): NodeAddress[][] {
  if (o.hosts !== undefined && o.groups !== undefined) {
    throw new SmartClientConfigError("smartClient.groups", "give either hosts (one group) or groups, not both");
  }
  const lists: Array<{ field: string; hosts: unknown }> =
    o.groups !== undefined
      ? checkedGroups(o.groups).map((hosts, i) => ({ field: `smartClient.groups[${i}]`, hosts }))
      : [{ field: "smartClient.hosts", hosts: o.hosts ?? [own.address] }];
  const seen = new Map<string, string>();
  return lists.map(({ field, hosts }) => {
    if (!Array.isArray(hosts) || hosts.length === 0) {
      throw new SmartClientConfigError(field, "expected a non-empty array of host strings");
    }
    return hosts.map((text: unknown, i) => {
      const at = `${field}[${i}]`;
      const node = typeof text === "string" ? parseHost(text, own.port) : undefined;
      if (node === undefined) {
        throw new SmartClientConfigError(at, `${JSON.stringify(text)} is not a host: use "host", "host:port" or "[ipv6]:port", without a scheme`);
      }
      const previous = seen.get(node.address);
      if (previous !== undefined) throw new SmartClientConfigError(at, `"${node.address}" is already listed at ${previous}`);
      seen.set(node.address, at);
      return node;
    });
  });
}

function checkedGroups(groups: unknown): unknown[] {
  if (!Array.isArray(groups) || groups.length === 0) {
    throw new SmartClientConfigError("smartClient.groups", "expected a non-empty array of non-empty host arrays");
  }
  return groups as unknown[];
}

type IntervalField = "discoveryIntervalMs" | "healthCheckIntervalMs" | "healthCheckTimeoutMs" | "failureBackoffMs";

function positive(o: SmartClientOptions, field: IntervalField, zeroAllowed = false): number {
  const value = o[field] ?? SMART_CLIENT_DEFAULTS[field];
  const ok = typeof value === "number" && Number.isFinite(value) && (zeroAllowed ? value >= 0 : value > 0);
  if (!ok || value > 2_147_483_647) {
    throw new SmartClientConfigError(
      `smartClient.${field}`,
      `${JSON.stringify(value)}: expected a number of milliseconds ${zeroAllowed ? "≥ 0" : "> 0"} and below 2^31`,
    );
  }
  return value;
}
