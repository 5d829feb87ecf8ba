/**
 * Compile-time checks of the S3 resource typing. tsc checks this file; nothing runs it (the checks
 * sit in a function nobody calls). Each `@ts-expect-error` fails the build if the line below it
 * compiles, so a loosened type shows up here.
 */
import type {
  GetObjectCommandOutput,
  HeadObjectCommandOutput,
  PutObjectCommandOutput,
} from "@aws-sdk/client-s3";
import type { Session } from "../../lib/Session.js";
import type { BatchResult, CollectionPage, ResourceCollection } from "../../lib/resources/types.js";
import type {
  Bucket,
  BucketVersioning,
  MultipartUpload,
  MultipartUploadPart,
  ObjectSummary,
  ObjectVersion,
  S3Object,
  S3ServiceResource,
} from "../../resources/s3/index.js";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** `exactly<E>()(value)` compiles only when the type of `value` is exactly `E`. */
const exactly =
  <Expected>() =>
  <Actual>(_value: Actual, ..._proof: Equals<Actual, Expected> extends true ? [] : [never]): void =>
    undefined;

export async function resourceTypeChecks(s3: S3ServiceResource): Promise<void> {
  // The helper itself rejects a mismatch.
  // @ts-expect-error -- number is not string
  exactly<string>()(0);

  // Sub-resources return the registered classes; the service resource builds any type.
  const bucket = s3.Bucket("b");
  exactly<Bucket>()(bucket);
  exactly<S3Object>()(bucket.Object("k"));
  exactly<S3Object>()(s3.Object("b", "k"));
  exactly<ObjectVersion>()(s3.ObjectVersion("b", "k", "v1"));
  exactly<BucketVersioning>()(bucket.Versioning());
  exactly<string>()(bucket.name);
  // @ts-expect-error -- identifiers are read-only
  bucket.name = "other";
  // @ts-expect-error -- Acl() takes no input: its bucket is the parent
  bucket.Acl("x");

  // Actions take the operation's input minus what the resource fills.
  const obj = s3.Object("b", "k");
  exactly<PutObjectCommandOutput>()(await obj.put({ Body: "hello" }));
  // @ts-expect-error -- Bucket is filled from the identifier
  await obj.put({ Bucket: "x" });
  // @ts-expect-error -- so is Key
  await obj.put({ Key: "x" });
  exactly<GetObjectCommandOutput>()(await obj.get());
  // @ts-expect-error -- copyFrom needs CopySource
  await obj.copyFrom();
  // @ts-expect-error -- not a member of CopyObject's input
  await obj.copyFrom({ CopySource: "b/k", Nope: 1 });

  // Actions with a resource target return resources.
  exactly<S3Object>()(await bucket.putObject({ Key: "k", Body: "x" }));
  exactly<Bucket>()(await s3.createBucket({ Bucket: "new" }));
  const upload = await obj.initiateMultipartUpload();
  exactly<MultipartUpload>()(upload);
  exactly<MultipartUploadPart>()(upload.Part("1"));
  exactly<S3Object>()(await upload.complete({ MultipartUpload: { Parts: [{ PartNumber: 1, ETag: "e" }] } }));
  // @ts-expect-error -- UploadId is filled
  await upload.abort({ UploadId: "u" });

  // Constant parameters are filled too: enable() takes no VersioningConfiguration.
  await bucket.Versioning().enable();
  // @ts-expect-error -- VersioningConfiguration is filled by enable()
  await bucket.Versioning().enable({ VersioningConfiguration: { Status: "Suspended" } });

  // Attributes are synchronous getters typed from the SDK shapes.
  exactly<number | undefined>()(obj.contentLength);
  exactly<Record<string, string> | undefined>()(obj.metadata);
  exactly<HeadObjectCommandOutput["ETag"]>()(obj.eTag);
  // @ts-expect-error -- attributes are read-only
  obj.contentLength = 3;
  // @ts-expect-error -- not a HeadObject member
  void obj.size;
  const summary = s3.ObjectSummary("b", "k");
  exactly<number | undefined>()(summary.size);
  exactly<Date | undefined>()(summary.lastModified);
  exactly<string>()(summary.key);
  exactly<Date | undefined>()(bucket.creationDate);
  exactly<string>()(upload.Part("1").partNumber);
  exactly<boolean | undefined>()(s3.ObjectVersion("b", "k", "v").isLatest);

  // Waiters.
  await bucket.waitUntilExists({ maxWaitMs: 1_000 });
  await obj.waitUntilNotExists();
  // @ts-expect-error -- a bucket has no object waiters
  void bucket.waitUntilObjectExists;

  // Collections: filter() takes the listing's input, typed.
  exactly<ResourceCollection<ObjectSummary, "ListObjectsV2">>()(bucket.objects.all());
  bucket.objects.filter({ Prefix: "a/", Delimiter: "/" });
  // @ts-expect-error -- Prefix is a string
  bucket.objects.filter({ Prefix: 1 });
  // @ts-expect-error -- not a ListObjectsV2 member
  bucket.objects.filter({ Marker: "x" });
  for await (const item of bucket.objects.limit(10)) exactly<ObjectSummary>()(item);
  for await (const page of bucket.objects.filter({ Delimiter: "/" }).pages()) {
    exactly<CollectionPage<ObjectSummary, "ListObjectsV2">>()(page);
    exactly<string | undefined>()(page.output.CommonPrefixes?.[0]?.Prefix);
  }
  for await (const b of s3.buckets) exactly<Bucket>()(b);
  for await (const v of bucket.objectVersions) exactly<ObjectVersion>()(v);
  for await (const u of bucket.multipartUploads) exactly<MultipartUpload>()(u);
  for await (const p of upload.parts) exactly<MultipartUploadPart>()(p);

  // Batch actions exist on collections of the types that declare them.
  exactly<BatchResult<"DeleteObjects">>()(await bucket.objects.delete());
  await bucket.objectVersions.filter({ Prefix: "tmp/" }).delete({ BypassGovernanceRetention: true });
  // @ts-expect-error -- Delete is filled from the items
  await bucket.objects.delete({ Delete: { Objects: [] } });
  // @ts-expect-error -- uploads have no batch actions
  void bucket.multipartUploads.delete;
}

export function sessionTypeChecks(session: Session): void {
  // The session's service resource is the registered S3 one.
  exactly<S3ServiceResource>()(session.resource("s3"));
}
