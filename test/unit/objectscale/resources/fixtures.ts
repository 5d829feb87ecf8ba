/**
 * Shared fixtures of the ObjectScale resource unit tests: an S3 service resource of a session with
 * the plugin, on a recording stub transport, and canned ObjectScale documents.
 */
import { objectScaleClient, type CannedAnswer } from "../../../support/objectScaleTransport.js";

/** The service resource of a plugin session whose requests `wire` records and answers. */
export function objectScaleResource(...answers: CannedAnswer[]) {
  const { wire, session } = objectScaleClient("path", answers);
  return { s3: session.resource("s3"), wire, session };
}

/** One match of a canned query page. */
export interface Match {
  name: string;
  size?: number;
  mtime?: number;
  ctype?: string;
  user?: Record<string, string>;
  versionId?: string;
}

/** A `BucketQueryResult` page (unqualified elements, as ObjectScale sends it). */
export function queryPage(
  matches: readonly Match[],
  nextMarker?: string,
  prefixes: readonly string[] = [],
): string {
  const entries = (map: Record<string, string>) =>
    Object.entries(map)
      .map(([k, v]) => `<entry><key>${k}</key><value>${v}</value></entry>`)
      .join("");
  const objects = matches
    .map((m) => {
      const sys: Record<string, string> = {};
      if (m.size !== undefined) sys["size"] = String(m.size);
      if (m.mtime !== undefined) sys["mtime"] = String(m.mtime);
      if (m.ctype !== undefined) sys["ctype"] = m.ctype;
      const user =
        m.user === undefined
          ? ""
          : `<queryMds><type>USERMD</type><mdMap>${entries(m.user)}</mdMap></queryMds>`;
      return (
        `<object><objectName>${m.name}</objectName><objectId>id-${m.name}</objectId>` +
        `<versionId>${m.versionId ?? "0"}</versionId>` +
        `<queryMds><type>SYSMD</type><mdMap>${entries(sys)}</mdMap></queryMds>${user}<indexKey/></object>`
      );
    })
    .join("");
  const next = nextMarker === undefined ? "" : `<NextMarker>${nextMarker}</NextMarker>`;
  const groups = prefixes.map((p) => `<PrefixGroups>${p}</PrefixGroups>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?><BucketQueryResult><Name>b</Name><Marker/>${next}` +
    `<IsTruncated>${nextMarker !== undefined}</IsTruncated><MaxKeys>1000</MaxKeys>` +
    `<ObjectMatches>${objects}</ObjectMatches><CommonPrefixMatches>${groups}</CommonPrefixMatches></BucketQueryResult>`
  );
}

export { rejection } from "../../../support/rejection.js";

/** The error a function throws (fails when it returns). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}
