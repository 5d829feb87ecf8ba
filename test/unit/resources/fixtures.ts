/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- the factory adds these members at run time; the interfaces type them */
// Small resource definitions declared for the factory's tests, independent of resources/s3.
import {
  action,
  actions,
  attributes,
  batchAction,
  batchActions,
  collection,
  collections,
  constant,
  data,
  identifier,
  identifiers,
  input,
  load,
  loadWith,
  reference,
  references,
  requestParameter,
  resource,
  response,
  subresource,
  subresources,
  waiter,
  waiters,
} from "../../../decorators/index.js";
import type { PutObjectCommandOutput } from "@aws-sdk/client-s3";
import type { ResourceCollectionBase } from "../../../lib/resources/types.js";
import type { WaiterResult, WaitOptions } from "../../../lib/client/s3/waiters.js";
import type { CallOptions, S3OperationName } from "../../../lib/client/s3/types.js";
import { Resource, Session, type S3Output } from "../../../index.js";
import { StubTransport, stubSessionOptions } from "../../support/stubTransport.js";

@resource("s3", "ServiceResource")
@actions({
  createBucket: action(
    "CreateBucket",
    {},
    { resource: { type: "Bucket", identifiers: { name: requestParameter("Bucket") } } },
  ),
})
@subresources({ Bucket: subresource("Bucket", { name: input() }) })
export class TService extends Resource {}
export interface TService {
  createBucket(input: { Bucket: string }, options?: CallOptions): Promise<TBucket>;
  Bucket(...args: [string] | [{ name: string }] | unknown[]): TBucket;
  Obj(...args: unknown[]): TObj;
  Ver(...args: unknown[]): TVer;
  Part(...args: unknown[]): TPart;
}

@resource("s3", "Bucket")
@identifiers("name")
@attributes("ListBuckets", "Buckets")
@loadWith(load("ListBuckets", {}, { path: "Buckets", match: { Name: identifier("name") } }))
@actions({
  create: action("CreateBucket", { Bucket: identifier("name") }),
  delete: action("DeleteBucket", { Bucket: identifier("name") }),
  head: action("HeadBucket", { Bucket: identifier("name") }),
  putObject: action(
    "PutObject",
    { Bucket: identifier("name") },
    {
      resource: {
        type: "Obj",
        identifiers: { bucketName: identifier("name"), key: requestParameter("Key") },
      },
    },
  ),
  enableVersioning: action("PutBucketVersioning", {
    Bucket: identifier("name"),
    "VersioningConfiguration.Status": constant("Enabled"),
  }),
  listKeys: action(
    "ListObjectsV2",
    { Bucket: identifier("name") },
    {
      resource: {
        type: "Obj",
        identifiers: { bucketName: identifier("name"), key: response("Contents[].Key") },
        path: "Contents[]",
      },
    },
  ),
  deleteKeys: action("DeleteObjects", { Bucket: identifier("name") }),
  listVersions: action(
    "ListObjectVersions",
    { Bucket: identifier("name") },
    {
      resource: {
        type: "Ver",
        identifiers: {
          bucketName: identifier("name"),
          objectKey: response("Versions[].Key"),
          id: response("Versions[].VersionId"),
        },
        path: "Versions[]",
      },
    },
  ),
  putVersion: action(
    "PutObject",
    { Bucket: identifier("name") },
    {
      resource: {
        type: "Ver",
        identifiers: {
          bucketName: identifier("name"),
          objectKey: requestParameter("Key"),
          id: response("VersionId"),
        },
      },
    },
  ),
})
@waiters({ waitUntilExists: waiter("BucketExists", { Bucket: identifier("name") }) })
@subresources({ Obj: subresource("Obj", { bucketName: identifier("name"), key: input() }) })
@collections({
  objects: collection(
    "ListObjectsV2",
    { Bucket: identifier("name") },
    {
      type: "Obj",
      identifiers: { bucketName: requestParameter("Bucket"), key: response("Contents[].Key") },
      path: "Contents[]",
    },
  ),
})
export class TBucket extends Resource {
  declare readonly name: string;

  /** A method written on the definition class. */
  shout(): string {
    return `${this.name.toUpperCase()}!`;
  }
}
type Call<I, O> = (input?: I, options?: CallOptions) => Promise<O>;
export interface TBucket {
  readonly creationDate: Date | undefined;
  readonly bucketRegion: string | undefined;
  create: Call<object, S3Output<"CreateBucket">>;
  delete: Call<object, S3Output<"DeleteBucket">>;
  head: Call<object, S3Output<"HeadBucket">>;
  putObject(input: { Key: string; Body?: string; Bucket?: string }, options?: CallOptions): Promise<TObj>;
  enableVersioning: Call<object, S3Output<"PutBucketVersioning">>;
  listKeys: Call<object, TObj[]>;
  deleteKeys: Call<object, S3Output<"DeleteObjects">>;
  listVersions: Call<object, TVer[]>;
  putVersion(input: { Key: string; Body?: string }, options?: CallOptions): Promise<TVer | undefined>;
  waitUntilExists(options?: WaitOptions): Promise<WaiterResult<"BucketExists">>;
  Obj(...args: unknown[]): TObj;
  readonly objects: ResourceCollectionBase<TObj, S3OperationName>;
}

@resource("s3", "Obj")
@identifiers("bucketName", "key")
@attributes("HeadObject")
@loadWith(load("HeadObject", { Bucket: identifier("bucketName"), Key: identifier("key") }))
@actions({
  put: action("PutObject", { Bucket: identifier("bucketName"), Key: identifier("key") }),
  get: action("GetObject", { Bucket: identifier("bucketName"), Key: identifier("key") }),
  deleteThisVersion: action("DeleteObject", {
    Bucket: identifier("bucketName"),
    Key: identifier("key"),
    VersionId: data("VersionId"),
  }),
  removeSelf: action("DeleteObjects", {
    Bucket: identifier("bucketName"),
    "Delete.Objects[].Key": identifier("key"),
  }),
})
@batchActions({
  delete: batchAction("DeleteObjects", {
    Bucket: identifier("bucketName"),
    "Delete.Objects[].Key": identifier("key"),
  }),
})
@subresources({
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
  Ver: subresource("Ver", {
    bucketName: identifier("bucketName"),
    objectKey: identifier("key"),
    id: input(),
  }),
})
export class TObj extends Resource {
  declare readonly bucketName: string;
  declare readonly key: string;
}
export interface TObj {
  readonly contentLength: number | undefined;
  readonly eTag: string | undefined;
  readonly lastModified: Date | undefined;
  readonly metadata: Record<string, string> | undefined;
  readonly versionId: string | undefined;
  put(input?: { Body?: string }, options?: CallOptions): Promise<PutObjectCommandOutput>;
  get: Call<object, S3Output<"GetObject">>;
  deleteThisVersion: Call<object, S3Output<"DeleteObject">>;
  removeSelf: Call<object, S3Output<"DeleteObjects">>;
  Bucket(): TBucket;
  Ver(...args: unknown[]): TVer;
}

/** No load: data only from responses. `id` is mirrored by the `versionId` attribute. */
@resource("s3", "Ver")
@identifiers("bucketName", "objectKey", { name: "id", memberName: "versionId" })
@attributes("ListObjectVersions", "Versions")
@references({ object: reference("Obj", { bucketName: identifier("bucketName"), key: data("Key") }) })
export class TVer extends Resource {
  declare readonly bucketName: string;
  declare readonly objectKey: string;
  declare readonly id: string;
}
export interface TVer {
  readonly versionId: string;
  readonly size: number | undefined;
  readonly isLatest: boolean | undefined;
  readonly key: string | undefined;
  readonly object: TObj | undefined;
}

/** Loaded by HeadObject with ContentLength renamed to Size (boto3's injected ObjectSummary.load). */
@resource("s3", "Summary")
@identifiers("bucketName", "key")
@attributes("ListObjectsV2", "Contents")
@loadWith(
  load(
    "HeadObject",
    { Bucket: identifier("bucketName"), Key: identifier("key") },
    { rename: { ContentLength: "Size" } },
  ),
)
export class TSummary extends Resource {
  declare readonly bucketName: string;
  declare readonly key: string;
}
export interface TSummary {
  readonly size: number | undefined;
  readonly eTag: string | undefined;
}

/** A part: `partNumber` is a string identifier that UploadPart takes as a number. */
@resource("s3", "Part")
@identifiers("bucketName", "objectKey", "uploadId", { name: "partNumber", memberName: "partNumber" })
@actions({
  upload: action("UploadPart", {
    Bucket: identifier("bucketName"),
    Key: identifier("objectKey"),
    UploadId: identifier("uploadId"),
    PartNumber: identifier("partNumber"),
  }),
})
export class TPart extends Resource {
  declare readonly partNumber: string;
}
export interface TPart {
  upload: Call<{ Body?: string }, S3Output<"UploadPart">>;
}

/** Every test definition. */
export const testDefinitions = [TService, TBucket, TObj, TVer, TSummary, TPart] as const;

/** A session on a stub transport with only the test definitions registered. */
export function stubSession(...answers: ConstructorParameters<typeof StubTransport>) {
  const transport = new StubTransport(...answers);
  const session = new Session({ ...stubSessionOptions(transport), resourceDefinitions: testDefinitions });
  return { transport, session, s3: session.resource("s3") as unknown as TService };
}

/** Records the params of every call (as `before-parameter-build` sees them) by operation. */
export function recordParams(
  session: Session,
): Array<{ operation: string; params: Record<string, unknown> }> {
  const seen: Array<{ operation: string; params: Record<string, unknown> }> = [];
  session.events.register("before-parameter-build.s3", ({ operation, params }) => {
    seen.push({ operation, params: structuredClone(params) as Record<string, unknown> });
  });
  return seen;
}

/** Answers `operation` with `output` from a `before-call` handler, so nothing is sent. */
export function answer<Op extends S3OperationName>(session: Session, operation: Op, output: object): void {
  session.events.register(`before-call.s3.${operation}` as "before-call.s3.ListBuckets", () => ({
    $metadata: {},
    ...output,
  }));
}
