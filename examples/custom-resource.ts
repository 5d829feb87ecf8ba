/**
 * A resource type of your own, declared with the same decorators as the built-in S3 model:
 * `LogFile`, an S3 object used as an append-only log that can be rotated into archives.
 *
 * - identifiers `bucketName` + `key`; attributes from HeadObject (`contentLength`, `lastModified`, ...);
 * - modelled actions (`read`, `write`, `copyFrom`, `remove`), a waiter, a collection (`files`:
 *   the log and its archives) and sub-resources (`Bucket()`, `Object()`, `Archive(key)`);
 * - methods written on the class (`append()`, `rotate()`) built on those actions: the factory
 *   keeps them.
 *
 * Run it against the server in AWS_ENDPOINT_URL (`bash scripts/ceph-rgw.sh env` prints one):
 *
 *   npm run build:test && node --enable-source-maps build/examples/custom-resource.js
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- LogFile's interface types the members
   the resource factory adds at run time, from the same specs the decorators record. */
import { pathToFileURL } from "node:url";
import {
  action,
  actions,
  attributes,
  collection,
  collections,
  identifier,
  identifiers,
  input,
  load,
  loadWith,
  requestParameter,
  resource,
  response,
  subresource,
  subresources,
  waiter,
  waiters,
} from "../decorators/index.js";
import { Resource, Session } from "../index.js";
import type { S3Output } from "../lib/client/s3/types.js";
import type {
  ActionMethods,
  Attributes,
  CollectionProperties,
  SubresourceMethods,
  WaiterMethods,
} from "../lib/resources/types.js";

const thisLog = { Bucket: identifier("bucketName"), Key: identifier("key") } as const;

/** The modelled actions of a {@link LogFile}: each one S3 call, `Bucket` and `Key` filled in. */
export const logFileActions = {
  /** GetObject: the whole log. */
  read: action("GetObject", thisLog),
  /** PutObject: replaces the whole log. */
  write: action("PutObject", thisLog),
  /** CopyObject into this log from `CopySource` (how {@link LogFile.rotate} archives). */
  copyFrom: action("CopyObject", thisLog),
  /** DeleteObject. */
  remove: action("DeleteObject", thisLog),
};

/** The waiters of a {@link LogFile}. */
export const logFileWaiters = {
  waitUntilExists: waiter("ObjectExists", thisLog),
};

/** The collections of a {@link LogFile}: `files` lists every key that starts with the log's key. */
export const logFileCollections = {
  files: collection(
    "ListObjectsV2",
    { Bucket: identifier("bucketName"), Prefix: identifier("key") },
    {
      type: "ObjectSummary",
      identifiers: { bucketName: requestParameter("Bucket"), key: response("Contents[].Key") },
      path: "Contents[]",
    },
  ),
};

/** The sub-resources of a {@link LogFile}. */
export const logFileSubresources = {
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
  Object: subresource("Object", { bucketName: identifier("bucketName"), key: identifier("key") }),
  /** Another log file of the same bucket (an archive of this one). */
  Archive: subresource("LogFile", { bucketName: identifier("bucketName"), key: input() }),
};

/**
 * An S3 object used as an append-only log.
 *
 * @example
 * ```ts
 * const session = new Session({ endpoint, forcePathStyle: true });
 * session.registerResources(LogFile);
 * const log = session.resource("s3").LogFile("logs", "app.log");
 * await log.append("started");
 * const archive = await log.rotate();
 * ```
 */
@resource("s3", "LogFile")
@identifiers("bucketName", "key")
@attributes("HeadObject")
@loadWith(load("HeadObject", thisLog))
@actions(logFileActions)
@waiters(logFileWaiters)
@collections(logFileCollections)
@subresources(logFileSubresources)
export class LogFile extends Resource {
  /** The bucket of the log. */
  declare readonly bucketName: string;
  /** The key of the log. */
  declare readonly key: string;

  /**
   * Appends lines (each ended with a newline). S3 has no append: this reads the log and writes it
   * back whole, so keep one writer per log; a log that does not exist yet is created.
   *
   * @throws The SDK's errors other than `NoSuchKey`.
   */
  async append(...lines: string[]): Promise<void> {
    let current = "";
    try {
      current = (await (await this.read()).Body?.transformToString()) ?? "";
    } catch (error) {
      if ((error as Error).name !== "NoSuchKey") throw error;
    }
    await this.write({
      Body: current + lines.map((line) => `${line}\n`).join(""),
      ContentType: "text/plain",
    });
  }

  /**
   * Copies the log to `<key>.<n>` (one more than the highest archive number so far) with CopyObject,
   * then empties it. Returns the archive.
   *
   * @throws The SDK's errors (`NoSuchKey` when the log does not exist).
   */
  async rotate(): Promise<LogFile> {
    let highest = 0;
    for await (const file of this.files) {
      const suffix = file.key.slice(this.key.length);
      if (/^\.\d+$/.test(suffix)) highest = Math.max(highest, Number(suffix.slice(1)));
    }
    const archive = this.Archive(`${this.key}.${highest + 1}`);
    await archive.copyFrom({ CopySource: `${this.bucketName}/${encodeURIComponent(this.key)}` });
    await this.write({ Body: "", ContentLength: 0, ContentType: "text/plain" });
    return archive;
  }
}

export interface LogFile
  extends
    Attributes<S3Output<"HeadObject">>,
    ActionMethods<typeof logFileActions>,
    WaiterMethods<typeof logFileWaiters>,
    CollectionProperties<typeof logFileCollections>,
    SubresourceMethods<typeof logFileSubresources> {}

// Type the registry and the service resource's implicit constructor (`s3.LogFile(bucket, key)`).
declare module "../lib/resources/types.js" {
  interface ResourceTypes {
    LogFile: LogFile;
  }
}
declare module "../resources/s3/ServiceResource.js" {
  interface S3ServiceResource {
    /** A {@link LogFile}, once `session.registerResources(LogFile)` registered the type. */
    LogFile(bucketName: string, key: string): LogFile;
  }
}

async function main(): Promise<void> {
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";
  const endpoint = process.env["AWS_ENDPOINT_URL"];
  if (endpoint === undefined) {
    console.error('AWS_ENDPOINT_URL is not set: export it (`eval "$(bash scripts/ceph-rgw.sh env)"`).');
    process.exit(2);
  }
  const session = new Session({
    endpoint,
    region: process.env["AWS_REGION"] ?? "us-east-1",
    forcePathStyle: process.env["AWS_S3_FORCE_PATH_STYLE"] !== "false",
  });
  session.registerResources(LogFile);
  const s3 = session.resource("s3");
  const bucket = await s3.createBucket({ Bucket: `logfile-${Date.now().toString(36)}` });
  try {
    const log = s3.LogFile(bucket.name, "app.log");
    await log.append("started", "listening on :8080");
    await log.load();
    console.log(`${log.toString()}: ${log.contentLength} bytes`);
    const archive = await log.rotate();
    await log.append("after rotation");
    console.log(`rotated into ${archive.key}: ${await (await archive.read()).Body?.transformToString()}`);
    for await (const file of log.files) console.log(`  ${file.key} ${file.size} bytes`);
  } finally {
    await bucket.objects.delete();
    await bucket.delete();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
