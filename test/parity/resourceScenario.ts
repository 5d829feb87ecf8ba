/**
 * The parity scenario through this project's resource layer: the same steps, in the same order,
 * as `boto3_scenario.py`, producing a document of the same form, so the two can be compared
 * deep-equal (after swapping each side's prefix, and with dates as ISO strings).
 */
import type { S3ServiceResource } from "../../resources/s3/index.js";

/** What both scenarios print. Dates are ISO strings; absent values are `null`. */
export interface ScenarioResult {
  listing: { keys: string[]; commonPrefixes: string[]; docs: string[] };
  summaries: Array<{
    key: string;
    size: number | null;
    eTag: string | null;
    lastModified: string | null;
    storageClass: string | null;
  }>;
  object: Record<string, unknown>;
  summaryLoad: { size: number | null; eTag: string | null };
  bucket: { creationDate: string | null; listed: boolean };
  versions: Array<{
    key: string;
    id: string;
    isLatest: boolean | null;
    size: number | null;
    eTag: string | null;
  }>;
  versionGet: { body: string; headLength: number | null };
  copy: Record<string, unknown>;
  batchDelete: {
    deleted: Array<[string, boolean]>;
    errors: unknown[];
    versionsDeleted: string[];
    left: string[];
  };
  /** Requests the batch deletes made: boto3 sends one per page, this project one per 1,000 items. */
  requests: { objectsDelete: number; versionsDelete: number };
}

const iso = (date: Date | undefined): string | null => date?.toISOString() ?? null;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

/** Runs the scenario on `bucketName` (versioned, with the shared objects), writing under `prefix`. */
export async function resourceScenario(
  s3: S3ServiceResource,
  bucketName: string,
  prefix: string,
): Promise<ScenarioResult> {
  const bucket = s3.Bucket(bucketName);

  const pages = await collect(bucket.objects.filter({ Prefix: "shared/", Delimiter: "/" }).pages());
  const listing = {
    keys: pages.flatMap((p) => p.items.map((o) => o.key)),
    commonPrefixes: pages.flatMap((p) => (p.output.CommonPrefixes ?? []).map((c) => c.Prefix ?? "")),
    docs: (await collect(bucket.objects.filter({ Prefix: "shared/docs/" }))).map((o) => o.key),
  };
  const summaries = (await collect(bucket.objects.filter({ Prefix: "shared/docs/" }))).map((o) => ({
    key: o.key,
    size: o.size ?? null,
    eTag: o.eTag ?? null,
    lastModified: iso(o.lastModified),
    storageClass: o.storageClass ?? null,
  }));

  const obj = await s3.Object(bucketName, "shared/docs/a.txt").load();
  const object = {
    contentLength: obj.contentLength ?? null,
    eTag: obj.eTag ?? null,
    contentType: obj.contentType ?? null,
    metadata: obj.metadata ?? null,
    lastModified: iso(obj.lastModified),
    versionId: obj.versionId ?? null,
  };
  const summary = await s3.ObjectSummary(bucketName, "shared/docs/b.txt").load();
  const summaryLoad = { size: summary.size ?? null, eTag: summary.eTag ?? null };

  await bucket.load();
  const bucketResult = {
    creationDate: iso(bucket.creationDate),
    listed: (await collect(s3.buckets)).some((b) => b.name === bucketName),
  };

  const versionList = await collect(bucket.objectVersions.filter({ Prefix: "shared/v.txt" }));
  const versions = versionList.map((v) => ({
    key: v.objectKey,
    id: v.id,
    isLatest: v.isLatest ?? null,
    size: v.size ?? null,
    eTag: v.eTag ?? null,
  }));
  const oldest = versionList.filter((v) => v.size !== undefined).at(-1)!;
  const versionGet = {
    body: (await (await oldest.get()).Body?.transformToString()) ?? "",
    headLength: (await oldest.head()).ContentLength ?? null,
  };

  const copyObject = s3.Object(bucketName, `${prefix}copy.txt`);
  const copied = await copyObject.copyFrom({ CopySource: `${bucketName}/shared/docs/a.txt` });
  await copyObject.load();
  const copy = {
    eTag: copied.CopyObjectResult?.ETag ?? null,
    contentLength: copyObject.contentLength ?? null,
    loadedETag: copyObject.eTag ?? null,
    metadata: copyObject.metadata ?? null,
    contentType: copyObject.contentType ?? null,
  };

  for (let i = 0; i < 5; i++) await bucket.putObject({ Key: `${prefix}batch/${i}`, Body: "x" });
  const deleted = await bucket.objects
    .filter({ Prefix: `${prefix}batch/` })
    .pageSize(2)
    .delete();
  const versionDeletes = await bucket.objectVersions.filter({ Prefix: `${prefix}batch/` }).delete();
  const batchDelete = {
    deleted: deleted.outputs
      .flatMap((o) => (o.Deleted ?? []).map((d): [string, boolean] => [d.Key ?? "", d.DeleteMarker ?? false]))
      .sort(),
    errors: deleted.outputs.flatMap((o) => o.Errors ?? []),
    versionsDeleted: versionDeletes.outputs.flatMap((o) => (o.Deleted ?? []).map((d) => d.Key ?? "")).sort(),
    left: (await collect(bucket.objectVersions.filter({ Prefix: `${prefix}batch/` }))).map((v) => v.id),
  };
  const requests = { objectsDelete: deleted.outputs.length, versionsDelete: versionDeletes.outputs.length };

  await bucket.objectVersions.filter({ Prefix: prefix }).delete();
  return {
    listing,
    summaries,
    object,
    summaryLoad,
    bucket: bucketResult,
    versions,
    versionGet,
    copy,
    batchDelete,
    requests,
  };
}
