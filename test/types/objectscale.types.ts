/**
 * Compile-time checks of the ObjectScale plugin's typing. tsc checks this file; nothing runs it
 * (the checks sit in a function nobody calls). Each `@ts-expect-error` fails the build if the line
 * below it compiles, so a loosened type shows up here.
 */
import type { S3ServiceClient } from "../../lib/client/ClientFactory.js";
import type { EventEmitter } from "../../lib/events/EventEmitter.js";
import type { S3Client } from "@aws-sdk/client-s3";
import {
  AppendObjectCommand,
  QueryObjectsCommand,
  searchKey,
  type QueryObjectsOutput,
  type QueryObject,
  type ObjectScaleResponseHeaders,
} from "../../resources/objectscale/index.js";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const exactly =
  <Expected>() =>
  <Actual>(_value: Actual, ..._proof: Equals<Actual, Expected> extends true ? [] : [never]): void =>
    undefined;

export async function objectScaleTypeChecks(
  client: S3ServiceClient,
  events: EventEmitter,
  sdk: S3Client,
): Promise<void> {
  // Added methods return typed outputs.
  const page = await client.queryObjects({ Bucket: "b", Query: "Size>0" });
  exactly<QueryObject[]>()(page.Objects);
  exactly<string | undefined>()(page.NextMarker);
  const built = await client.queryObjects({
    Bucket: "b",
    Query: searchKey("Size").gt(1),
    Sorted: "Size",
    MaxKeys: 10,
  });
  exactly<boolean>()(built.IsTruncated);
  for await (const p of client.paginateQueryObjects({ Bucket: "b", Query: "Size>0" }, { pageSize: 100 })) {
    exactly<QueryObjectsOutput>()(p);
  }
  // @ts-expect-error Query is required
  await client.queryObjects({ Bucket: "b" });
  // @ts-expect-error Query is a string or a MetadataQuery
  await client.queryObjects({ Bucket: "b", Query: 42 });
  // @ts-expect-error EncodingType is "url" only
  await client.queryObjects({ Bucket: "b", Query: "Size>0", EncodingType: "xml" });

  const appended = await client.appendObject({ Bucket: "b", Key: "k", Body: "x" });
  exactly<number | undefined>()(appended.AppendOffset);
  // @ts-expect-error Body is required
  await client.appendObject({ Bucket: "b", Key: "k" });
  await client.updateObjectRange({ Bucket: "b", Key: "k", Offset: 0, Body: new Uint8Array(1) });
  // @ts-expect-error Offset is required
  await client.overwriteObjectRange({ Bucket: "b", Key: "k", Body: "x" });
  const pinged = await client.ping();
  exactly<number | undefined>()(pinged.LoadFactor);
  const nodes = await client.listDataNodes();
  exactly<string[]>()(nodes.DataNodes);
  const status = await client.getEmptyBucketStatus({ Bucket: "b" });
  exactly<Date | undefined>()(status.Created);
  await client.setStaleReadAllowed({ Bucket: "b", StaleReadAllowed: true });
  // @ts-expect-error StaleReadAllowed is a boolean
  await client.setStaleReadAllowed({ Bucket: "b", StaleReadAllowed: "true" });
  await client.copyRange({
    Bucket: "b",
    Key: "k",
    Segments: [{ Bucket: "s", Key: "a", Range: "0-" }],
    CopyMode: "deep",
  });
  // @ts-expect-error CopyMode is shallow or deep
  await client.copyRange({ Bucket: "b", Key: "k", Segments: [], CopyMode: "fast" });
  await client.extendRetentionPeriod({ Bucket: "b", Key: "k", RetentionPeriod: -1 });
  await client.listBucketsPaged({ Limit: 10 });
  await client.call("QueryObjects", { Bucket: "b", Query: "Size>0" });

  // Extra parameters on modelled operations.
  await client.createBucket({
    Bucket: "b",
    ObjectScale: {
      namespace: "ns1",
      replicationGroup: "rg",
      fileSystemEnabled: false,
      staleReadAllowed: true,
      serverSideEncryption: true,
      retentionPeriod: 60,
      complianceEnabled: false,
      metadataSearch: [
        { key: "Size" },
        { key: "CreateTime", type: "datetime" },
        { key: "x-amz-meta-dept", type: "string" },
      ],
    },
  });
  // The metadataSearch member exactly as createBucket() declares it.
  type SearchKeys = NonNullable<
    NonNullable<Parameters<S3ServiceClient["createBucket"]>[0]["ObjectScale"]>["metadataSearch"]
  >;
  const keys = (metadataSearch: SearchKeys) =>
    client.createBucket({ Bucket: "b", ObjectScale: { metadataSearch } });
  // @ts-expect-error a metadataSearch type is one of string, integer, datetime, decimal
  await keys([{ key: "x-amz-meta-a", type: "text" }]);
  // @ts-expect-error a user key needs its type
  await keys([{ key: "x-amz-meta-a" }]);
  // @ts-expect-error a system key's type is fixed
  await keys([{ key: "Size", type: "string" }]);
  // @ts-expect-error keys are system keys or x-amz-meta-*
  await keys([{ key: "dept", type: "string" }]);
  // @ts-expect-error retentionPeriod is a number
  await client.putObject({ Bucket: "b", Key: "k", ObjectScale: { retentionPeriod: "60" } });
  await client.copyObject({
    Bucket: "b",
    Key: "k",
    CopySource: "b/a",
    ObjectScale: { retentionPolicy: "p" },
  });
  // @ts-expect-error ListObjectsV2 has no ObjectScale member
  await client.listObjectsV2({ Bucket: "b", ObjectScale: {} });

  // ObjectScale response headers on outputs.
  const head = await client.headObject({ Bucket: "b", Key: "k" });
  exactly<ObjectScaleResponseHeaders | undefined>()(head.ObjectScale);
  exactly<Date | undefined>()(head.ObjectScale?.mtime);
  const bucketHead = await client.headBucket({ Bucket: "b" });
  exactly<number | undefined>()(bucketHead.ObjectScale?.retentionPeriod);

  // Events of the added operations are typed.
  events.register("before-call.s3.QueryObjects", ({ params }) => {
    exactly<string>()(params.Bucket);
  });
  events.register("after-call.s3.AppendObject", ({ output }) => {
    exactly<number | undefined>()(output.AppendOffset);
  });

  // The search builder refuses operators and values outside the grammar at compile time too.
  // @ts-expect-error the grammar has no !=
  searchKey("Size").compare("!=", 1);
  // @ts-expect-error Size is an integer key
  searchKey("Size").gt("big");
  // @ts-expect-error a user key needs a datatype
  searchKey("x-amz-meta-a");
  searchKey("x-amz-meta-a", "datetime").gt(new Date());

  // The commands work with the plain SDK client, with typed outputs.
  const direct = await sdk.send(new QueryObjectsCommand({ Bucket: "b", Query: "Size>0" }));
  exactly<QueryObject[]>()(direct.Objects);
  const offset = await sdk.send(new AppendObjectCommand({ Bucket: "b", Key: "k", Body: "x" }));
  exactly<number | undefined>()(offset.AppendOffset);
}
