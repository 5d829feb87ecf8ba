/**
 * Several RADOS Gateways over one Ceph cluster, for tests of clients that spread requests over data
 * nodes and survive one of them going away.
 *
 * ```ts
 * let gateways: S3GatewaysEnv;
 * before(async function () {
 *   this.timeout(180_000); // a clean machine installs Ceph first (~20 s)
 *   gateways = await useS3Gateways(3);
 * });
 * // gateways.endpoints: ["http://127.0.0.1:7490", "http://127.0.0.1:7491", "http://127.0.0.1:7492"]
 * // await gateways.stopGateway(2); ... await gateways.startGateway(2);
 * ```
 *
 * - With `CEPH_RGW_ENDPOINTS` listing at least `count` endpoints (from `scripts/ceph-rgw.sh env` of a
 *   cluster started with `CEPH_RGW_GATEWAYS`), that cluster is used and left running; the keys come
 *   from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`, and `stopGateway` / `startGateway` run the
 *   script with the `CEPH_RGW_*` settings of the environment, which must name that cluster.
 * - Otherwise the fixture runs its own cluster through `scripts/ceph-rgw.sh`, in a state dir and on
 *   ports of its own, so that it never meets the single server of `useS3Server()` (or of CI):
 *   `CEPH_RGW_MULTI_DIR` [/tmp/objectscale-resources-rgw-multi], S3 ports from `CEPH_RGW_MULTI_PORT`
 *   [7490] up, `CEPH_RGW_MULTI_MON_PORT` [13310], `CEPH_RGW_MULTI_MS_PORTS` [16700-16799]. A cluster
 *   already running there with enough gateways is reused and left running; one started here is
 *   stopped by `test/setup.ts` when mocha ends. `AWS_ENDPOINT_URL` and the other `AWS_*` variables
 *   are neither read nor changed: they belong to the single server.
 */
import { execFile } from "node:child_process";
import { connect } from "node:net";
import { promisify } from "node:util";

import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";

import { installCephIfMissing, parseCephRgwExports, runCephRgwScript } from "./cephRgwScript.js";

/** Where the gateways are, how to sign for them, and how to take one away and bring it back. */
export interface S3GatewaysEnv {
  /** One S3 endpoint per gateway; gateway `n` (1-based, as the script counts) is `endpoints[n - 1]`. */
  readonly endpoints: readonly string[];
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** True unless `AWS_S3_FORCE_PATH_STYLE` says `false` or `0`. */
  readonly forcePathStyle: boolean;
  /** True when this process started the cluster, and so will stop it. */
  readonly startedHere: boolean;
  /**
   * Stops gateway `gateway` (1-based) alone, by `scripts/ceph-rgw.sh stop-gateway`: SIGTERM, SIGKILL
   * after 2 s. Resolves once its port refuses connections; the other gateways keep serving.
   *
   * @throws RangeError for a gateway that does not exist; Error when the script fails, or when the
   *   endpoint still accepts connections afterwards (the `CEPH_RGW_*` settings name another cluster).
   */
  stopGateway(gateway: number): Promise<void>;
  /**
   * Starts gateway `gateway` (1-based) again on its port, by `scripts/ceph-rgw.sh start-gateway`, and
   * resolves once it answers a signed request. Does nothing to a gateway that is running.
   *
   * @throws RangeError for a gateway that does not exist; Error when the script fails.
   */
  startGateway(gateway: number): Promise<void>;
  /**
   * How many S3 requests gateway `gateway` (1-based) has received since it started, by its own
   * count (the `rgw.req` perf counter, read with `ceph --admin-daemon <socket> perf dump`): proof,
   * independent of any client's statistics, of what reached it. Anonymous requests (`GET /?ping`)
   * count too; the counter starts from 0 again when the gateway restarts.
   *
   * @throws RangeError for a gateway that does not exist; Error when its admin socket cannot be read
   *   (the gateway is stopped, or the `CEPH_RGW_*` settings name another cluster).
   */
  requestsServed(gateway: number): Promise<number>;
}

/** The cluster's own settings when the fixture starts it; each can be overridden from the environment. */
const OWN_CLUSTER_SETTINGS = {
  CEPH_RGW_DIR: ["CEPH_RGW_MULTI_DIR", "/tmp/objectscale-resources-rgw-multi"],
  CEPH_RGW_PORT: ["CEPH_RGW_MULTI_PORT", "7490"],
  CEPH_RGW_MON_PORT: ["CEPH_RGW_MULTI_MON_PORT", "13310"],
  CEPH_RGW_MS_PORTS: ["CEPH_RGW_MULTI_MS_PORTS", "16700-16799"],
} as const satisfies Record<string, readonly [string, string]>;

const EXPORTED_VARIABLES = [
  "CEPH_RGW_ENDPOINTS",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_REGION",
  "AWS_S3_FORCE_PATH_STYLE",
] as const;

/** The letters the script names gateways by: client.rgw.a to client.rgw.z. */
const MOST_GATEWAYS = 26;

/** The script's state dir when `CEPH_RGW_DIR` is unset. */
const DEFAULT_STATE_DIR = "/tmp/objectscale-resources-rgw";

interface Cluster {
  readonly env: S3GatewaysEnv;
  /** The environment `scripts/ceph-rgw.sh` runs in for this cluster. */
  readonly scriptEnv: NodeJS.ProcessEnv;
}

let clusterPromise: Promise<Cluster> | undefined;

/**
 * Returns `count` S3 gateways over one Ceph cluster, starting the cluster unless `CEPH_RGW_ENDPOINTS`
 * lists enough of them. The first call decides the cluster; later calls share it (and its failure)
 * and get its first `count` gateways.
 *
 * Call it from a `before` hook with `this.timeout(180_000)`: installing Ceph on a clean machine takes
 * about 20 s, a cold start of three gateways about 3 s. Unlike `useS3Server()` it does not
 * touch `process.env`, so build clients from the returned endpoints ({@link gatewayClient}).
 *
 * @param count - gateways wanted, 1 to 26. @default 3
 * @throws RangeError for a count outside 1-26, or above what an earlier call started.
 * @throws Error when `CEPH_RGW_ENDPOINTS` is set without `AWS_ACCESS_KEY_ID` and
 *   `AWS_SECRET_ACCESS_KEY`, or when `scripts/ceph-rgw.sh` fails (the message names the log to read).
 */
export async function useS3Gateways(count = 3): Promise<S3GatewaysEnv> {
  if (!Number.isInteger(count) || count < 1 || count > MOST_GATEWAYS) {
    throw new RangeError(`useS3Gateways(${count}): ask for 1 to ${MOST_GATEWAYS} gateways`);
  }
  clusterPromise ??= resolveCluster(count);
  const { env } = await clusterPromise;
  if (env.endpoints.length < count) {
    throw new RangeError(
      `useS3Gateways(${count}): this run already uses a cluster of ${env.endpoints.length} gateways ` +
        `(the first call decides); ask for the most gateways in the first call`,
    );
  }
  return env.endpoints.length === count ? env : { ...env, endpoints: env.endpoints.slice(0, count) };
}

/**
 * Stops the cluster if {@link useS3Gateways} started it in this process. Does nothing otherwise, so
 * a cluster from CI or from the developer keeps running.
 */
export async function stopS3GatewaysIfStarted(): Promise<void> {
  const pending = clusterPromise;
  if (!pending) return;
  const cluster = await pending.catch(() => undefined);
  clusterPromise = undefined;
  if (cluster?.env.startedHere) await runCephRgwScript(["stop"], { env: cluster.scriptEnv });
}

/**
 * A plain SDK client for gateway `gateway` (1-based): path-style addressing and checksums only where
 * required (Ceph 16 refuses the SDK's default aws-chunked trailing checksums). `overrides` go last,
 * e.g. `{ maxAttempts: 1 }` to see a refused connection at once.
 *
 * @throws RangeError for a gateway that does not exist.
 */
export function gatewayClient(env: S3GatewaysEnv, gateway: number, overrides: S3ClientConfig = {}): S3Client {
  return new S3Client({
    endpoint: endpointOf(env, gateway),
    region: env.region,
    credentials: { ...env.credentials },
    forcePathStyle: env.forcePathStyle,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    ...overrides,
  });
}

async function resolveCluster(count: number): Promise<Cluster> {
  const listed = splitEndpoints(process.env["CEPH_RGW_ENDPOINTS"]);
  return listed.length >= count ? clusterFromProcess(listed) : startOwnCluster(count);
}

function clusterFromProcess(endpoints: readonly string[]): Cluster {
  const variables = process.env;
  const accessKeyId = variables["AWS_ACCESS_KEY_ID"];
  const secretAccessKey = variables["AWS_SECRET_ACCESS_KEY"];
  if (!accessKeyId || !secretAccessKey) {
    throw new Error(
      `CEPH_RGW_ENDPOINTS lists ${endpoints.length} gateways but AWS_ACCESS_KEY_ID or ` +
        `AWS_SECRET_ACCESS_KEY is not set: eval "$(bash scripts/ceph-rgw.sh env)" for that cluster, ` +
        `or unset CEPH_RGW_ENDPOINTS to let the tests start their own`,
    );
  }
  return newCluster({
    endpoints,
    region: variables["AWS_REGION"] || variables["AWS_DEFAULT_REGION"] || "us-east-1",
    accessKeyId,
    secretAccessKey,
    pathStyle: variables["AWS_S3_FORCE_PATH_STYLE"],
    startedHere: false,
    scriptEnv: process.env,
  });
}

async function startOwnCluster(count: number): Promise<Cluster> {
  const scriptEnv: NodeJS.ProcessEnv = { ...process.env, CEPH_RGW_GATEWAYS: String(count) };
  for (const [setting, [override, fallback]] of Object.entries(OWN_CLUSTER_SETTINGS)) {
    scriptEnv[setting] = process.env[override] || fallback;
  }
  const run = (args: string[], showProgress = false) =>
    runCephRgwScript(args, { env: scriptEnv, showProgress });
  const exportsOf = async () => parseCephRgwExports(await run(["env"]), EXPORTED_VARIABLES);
  // a healthy cluster left in this state dir (by an interrupted run, or by hand) is reused if big enough
  const running = await run(["status"]).then(exportsOf, () => undefined);
  const alreadyUp =
    running !== undefined && splitEndpoints(running.get("CEPH_RGW_ENDPOINTS")).length >= count;
  if (!alreadyUp) {
    await installCephIfMissing();
    await run(["start"], true);
  }
  const exported = alreadyUp ? running : await exportsOf();
  return newCluster({
    endpoints: splitEndpoints(exported.get("CEPH_RGW_ENDPOINTS")),
    region: exported.get("AWS_REGION") ?? "us-east-1",
    accessKeyId: exported.get("AWS_ACCESS_KEY_ID") ?? "",
    secretAccessKey: exported.get("AWS_SECRET_ACCESS_KEY") ?? "",
    pathStyle: exported.get("AWS_S3_FORCE_PATH_STYLE"),
    startedHere: !alreadyUp,
    scriptEnv,
  });
}

function newCluster(settings: {
  endpoints: readonly string[];
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  pathStyle: string | undefined;
  startedHere: boolean;
  scriptEnv: NodeJS.ProcessEnv;
}): Cluster {
  const { scriptEnv } = settings;
  const pathStyle = settings.pathStyle?.toLowerCase();
  const env: S3GatewaysEnv = {
    endpoints: Object.freeze([...settings.endpoints]),
    region: settings.region,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    forcePathStyle: pathStyle !== "false" && pathStyle !== "0",
    startedHere: settings.startedHere,
    async stopGateway(gateway) {
      const endpoint = endpointOf(env, gateway);
      await runCephRgwScript(["stop-gateway", String(gateway)], { env: scriptEnv });
      if (await acceptsConnections(endpoint)) {
        throw new Error(
          `gateway ${gateway} (${endpoint}) still accepts connections after stop-gateway: the ` +
            `CEPH_RGW_* settings (state dir ${scriptEnv["CEPH_RGW_DIR"] ?? "the default"}) do not ` +
            `name the cluster that serves it`,
        );
      }
    },
    async startGateway(gateway) {
      endpointOf(env, gateway); // throws for a gateway that does not exist
      await runCephRgwScript(["start-gateway", String(gateway)], { env: scriptEnv });
    },
    async requestsServed(gateway) {
      endpointOf(env, gateway);
      // the script's layout: <state dir>/run/client.rgw.<letter>.asok, gateway 1 being "a"
      const socket = `${scriptEnv["CEPH_RGW_DIR"] || DEFAULT_STATE_DIR}/run/client.rgw.${String.fromCharCode(96 + gateway)}.asok`;
      let dump: string;
      try {
        ({ stdout: dump } = await promisify(execFile)("ceph", ["--admin-daemon", socket, "perf", "dump"], {
          timeout: 30_000,
        }));
      } catch (error) {
        throw new Error(
          `Cannot read the perf counters of gateway ${gateway} from ${socket}: ${String(error)}`,
          { cause: error },
        );
      }
      const served = (JSON.parse(dump) as { rgw?: { req?: unknown } }).rgw?.req;
      if (typeof served !== "number")
        throw new Error(`The perf counters of gateway ${gateway} (${socket}) have no rgw.req`);
      return served;
    },
  };
  return { env, scriptEnv };
}

function endpointOf(env: S3GatewaysEnv, gateway: number): string {
  const endpoint = Number.isInteger(gateway) ? env.endpoints[gateway - 1] : undefined;
  if (endpoint === undefined) {
    throw new RangeError(`There is no gateway ${gateway}: use 1 to ${env.endpoints.length}`);
  }
  return endpoint;
}

function splitEndpoints(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((endpoint) => endpoint.trim())
    .filter((endpoint) => endpoint !== "");
}

/** Whether a TCP connection to the endpoint's host and port is accepted within 2 s. */
async function acceptsConnections(endpoint: string): Promise<boolean> {
  const url = new URL(endpoint);
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ""), port, timeout: 2_000 });
    const settle = (accepted: boolean) => {
      socket.destroy();
      resolve(accepted);
    };
    socket.once("connect", () => settle(true));
    socket.once("timeout", () => settle(false));
    socket.once("error", () => settle(false));
  });
}
