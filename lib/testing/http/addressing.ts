/**
 * Bucket, key and namespace from the Host header and path (reference §1.1):
 *
 * - path style: `127.0.0.1:P/bucket/key`, or `ns1.localhost:P/bucket/key` (namespace in the host);
 * - virtual-host style: `bucket.localhost:P/key` or `bucket.ns1.localhost:P/key`.
 *
 * A host is virtual-host style when it ends in one of the base domains (`localhost` by default) with
 * labels before it. The last of those labels is a namespace when it names a known namespace;
 * whatever precedes it is the bucket. IP addresses and unknown host names are path style.
 *
 * @module
 */
import { safeDecode } from "../auth/canonical.js";

/** Where a request points. */
export interface Address {
  readonly style: "path" | "virtual-host";
  /** Namespace named by the host, if any (the header and the user's default come later). */
  readonly hostNamespace: string | undefined;
  readonly bucket: string | undefined;
  readonly key: string | undefined;
}

/** Resolves the address of a request from its `Host` header and raw (encoded) path. */
export function resolveAddress(
  host: string | undefined,
  rawPath: string,
  baseDomains: readonly string[],
  namespaces: ReadonlySet<string>,
): Address {
  const hostname = stripPort((host ?? "").toLowerCase());
  const base = baseDomains
    .filter((d) => hostname === d || hostname.endsWith(`.${d}`))
    .sort((a, b) => b.length - a.length)[0];
  let hostNamespace: string | undefined;
  let hostBucket = "";
  if (base !== undefined && hostname !== base) {
    const labels = hostname.slice(0, -(base.length + 1)).split(".");
    const last = labels[labels.length - 1] ?? "";
    if (namespaces.has(last)) {
      hostNamespace = last;
      labels.pop();
    }
    hostBucket = labels.join(".");
  }

  const path = rawPath.startsWith("/") ? rawPath.slice(1) : rawPath;
  if (hostBucket !== "") {
    return { style: "virtual-host", hostNamespace, bucket: hostBucket, key: nonEmpty(safeDecode(path)) };
  }
  const slash = path.indexOf("/");
  const bucket = safeDecode(slash < 0 ? path : path.slice(0, slash));
  const key = slash < 0 ? undefined : nonEmpty(safeDecode(path.slice(slash + 1)));
  return { style: "path", hostNamespace, bucket: nonEmpty(bucket), key };
}

function stripPort(host: string): string {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  const colon = host.lastIndexOf(":");
  return colon < 0 ? host : host.slice(0, colon);
}

function nonEmpty(text: string): string | undefined {
  return text === "" ? undefined : text;
}
