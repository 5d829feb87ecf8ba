/**
 * An HTTP agent that resolves `localhost` and every `*.localhost` name to 127.0.0.1, so that
 * virtual-host requests (`bucket.localhost:PORT`, `bucket.ns1.localhost:PORT`) reach the emulator
 * whatever the system resolver does with such names.
 *
 * @module
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { Agent, type AgentOptions } from "node:http";

/**
 * An `http.Agent` that sends `*.localhost` to 127.0.0.1 (other names resolve normally).
 *
 * @example
 * ```ts
 * const s3 = new S3Client({
 *   endpoint: emu.virtualHostEndpoint, // http://localhost:PORT → Host: bucket.localhost:PORT
 *   requestHandler: { httpAgent: loopbackAgent() },
 *   // region, credentials, checksum settings …
 * });
 * ```
 */
export function loopbackAgent(options: AgentOptions = {}): Agent {
  return new Agent({
    keepAlive: true,
    ...options,
    lookup: ((hostname: string, opts: { all?: boolean }, callback: (...args: unknown[]) => void) => {
      if (hostname === "localhost" || hostname.endsWith(".localhost")) {
        if (opts.all) callback(null, [{ address: "127.0.0.1", family: 4 } satisfies LookupAddress]);
        else callback(null, "127.0.0.1", 4);
        return;
      }
      dnsLookup(hostname, opts, callback as never);
    }) as never,
  });
}
