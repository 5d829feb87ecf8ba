/**
 * The members every S3 operation requires, and how each is checked: the table behind the generic
 * validators of the operations that have no hand-written DTO.
 *
 * Written by hand from `@aws-sdk/client-s3` 3.1175.0 and kept honest twice: the compiler checks
 * it against the SDK's input types (the `satisfies` clause fails when a required member is missing
 * or a listed member is not required), and `test/unit/validation/operationTable.test.ts` checks it
 * against the operation schemas the SDK serializes with.
 *
 * @module
 */
import type { s3Commands } from "../client/s3/operations.js";

/**
 * The model name of an S3 operation of the SDK, such as `HeadObject`: the generated command
 * table only, not the operations plugins add.
 */
export type S3CommandName = keyof typeof s3Commands;

/** The SDK's input type of an S3 operation, such as `HeadObjectCommandInput`. */
export type S3CommandInput<Op extends S3CommandName> = InstanceType<(typeof s3Commands)[Op]>["input"];

/** The members of `T` that the SDK model marks as required (declared without `?`). */
export type RequiredMemberOf<T> = {
  [K in keyof T]-?: Pick<T, K> extends Required<Pick<T, K>> ? K : never;
}[keyof T] &
  string;

/**
 * How a required member is checked:
 * - `bucket`: an existing bucket (lenient names, ARNs); `newBucket`: strict S3 naming rules;
 * - `key`: an object key; `copySource`: `bucket/key[?versionId=]`; `partNumber`: 1-10000;
 * - `text`: a non-empty string; `integer`; `structure`: an object; `list`: an array;
 * - `body`: a string, bytes, Blob or stream.
 */
export type MemberKind =
  | "bucket"
  | "newBucket"
  | "key"
  | "copySource"
  | "partNumber"
  | "text"
  | "integer"
  | "structure"
  | "list"
  | "body";

/** For each S3 operation, each required member and its {@link MemberKind}. */
export type RequiredMembersTable = {
  readonly [Op in S3CommandName]: { readonly [M in RequiredMemberOf<S3CommandInput<Op>>]: MemberKind };
};

/**
 * The required members of all 112 S3 operations. `Bucket` and `Key`, wherever an input has them,
 * are required, so this table also says which operations get bucket-name and key validation.
 *
 * @example
 * ```ts
 * s3RequiredMembers.UploadPart; // { Bucket: "bucket", Key: "key", PartNumber: "partNumber", UploadId: "text" }
 * ```
 */
export const s3RequiredMembers = {
  AbortMultipartUpload: { Bucket: "bucket", Key: "key", UploadId: "text" },
  CompleteMultipartUpload: { Bucket: "bucket", Key: "key", UploadId: "text" },
  CopyObject: { Bucket: "bucket", CopySource: "copySource", Key: "key" },
  CreateBucket: { Bucket: "newBucket" },
  CreateBucketMetadataConfiguration: { Bucket: "bucket", MetadataConfiguration: "structure" },
  CreateBucketMetadataTableConfiguration: { Bucket: "bucket", MetadataTableConfiguration: "structure" },
  CreateMultipartUpload: { Bucket: "bucket", Key: "key" },
  CreateSession: { Bucket: "bucket" },
  DeleteBucket: { Bucket: "bucket" },
  DeleteBucketAnalyticsConfiguration: { Bucket: "bucket", Id: "text" },
  DeleteBucketCors: { Bucket: "bucket" },
  DeleteBucketEncryption: { Bucket: "bucket" },
  DeleteBucketIntelligentTieringConfiguration: { Bucket: "bucket", Id: "text" },
  DeleteBucketInventoryConfiguration: { Bucket: "bucket", Id: "text" },
  DeleteBucketLifecycle: { Bucket: "bucket" },
  DeleteBucketMetadataConfiguration: { Bucket: "bucket" },
  DeleteBucketMetadataTableConfiguration: { Bucket: "bucket" },
  DeleteBucketMetricsConfiguration: { Bucket: "bucket", Id: "text" },
  DeleteBucketOwnershipControls: { Bucket: "bucket" },
  DeleteBucketPolicy: { Bucket: "bucket" },
  DeleteBucketReplication: { Bucket: "bucket" },
  DeleteBucketTagging: { Bucket: "bucket" },
  DeleteBucketWebsite: { Bucket: "bucket" },
  DeleteObject: { Bucket: "bucket", Key: "key" },
  DeleteObjectAnnotation: { Bucket: "bucket", Key: "key", AnnotationName: "text" },
  DeleteObjectTagging: { Bucket: "bucket", Key: "key" },
  DeleteObjects: { Bucket: "bucket", Delete: "structure" },
  DeletePublicAccessBlock: { Bucket: "bucket" },
  GetBucketAbac: { Bucket: "bucket" },
  GetBucketAccelerateConfiguration: { Bucket: "bucket" },
  GetBucketAcl: { Bucket: "bucket" },
  GetBucketAnalyticsConfiguration: { Bucket: "bucket", Id: "text" },
  GetBucketCors: { Bucket: "bucket" },
  GetBucketEncryption: { Bucket: "bucket" },
  GetBucketIntelligentTieringConfiguration: { Bucket: "bucket", Id: "text" },
  GetBucketInventoryConfiguration: { Bucket: "bucket", Id: "text" },
  GetBucketLifecycleConfiguration: { Bucket: "bucket" },
  GetBucketLocation: { Bucket: "bucket" },
  GetBucketLogging: { Bucket: "bucket" },
  GetBucketMetadataConfiguration: { Bucket: "bucket" },
  GetBucketMetadataTableConfiguration: { Bucket: "bucket" },
  GetBucketMetricsConfiguration: { Bucket: "bucket", Id: "text" },
  GetBucketNotificationConfiguration: { Bucket: "bucket" },
  GetBucketOwnershipControls: { Bucket: "bucket" },
  GetBucketPolicy: { Bucket: "bucket" },
  GetBucketPolicyStatus: { Bucket: "bucket" },
  GetBucketReplication: { Bucket: "bucket" },
  GetBucketRequestPayment: { Bucket: "bucket" },
  GetBucketTagging: { Bucket: "bucket" },
  GetBucketVersioning: { Bucket: "bucket" },
  GetBucketWebsite: { Bucket: "bucket" },
  GetObject: { Bucket: "bucket", Key: "key" },
  GetObjectAcl: { Bucket: "bucket", Key: "key" },
  GetObjectAnnotation: { Bucket: "bucket", Key: "key", AnnotationName: "text" },
  GetObjectAttributes: { Bucket: "bucket", Key: "key", ObjectAttributes: "list" },
  GetObjectLegalHold: { Bucket: "bucket", Key: "key" },
  GetObjectLockConfiguration: { Bucket: "bucket" },
  GetObjectRetention: { Bucket: "bucket", Key: "key" },
  GetObjectTagging: { Bucket: "bucket", Key: "key" },
  GetObjectTorrent: { Bucket: "bucket", Key: "key" },
  GetPublicAccessBlock: { Bucket: "bucket" },
  HeadBucket: { Bucket: "bucket" },
  HeadObject: { Bucket: "bucket", Key: "key" },
  ListBucketAnalyticsConfigurations: { Bucket: "bucket" },
  ListBucketIntelligentTieringConfigurations: { Bucket: "bucket" },
  ListBucketInventoryConfigurations: { Bucket: "bucket" },
  ListBucketMetricsConfigurations: { Bucket: "bucket" },
  ListBuckets: {},
  ListDirectoryBuckets: {},
  ListMultipartUploads: { Bucket: "bucket" },
  ListObjectAnnotations: { Bucket: "bucket", Key: "key" },
  ListObjectVersions: { Bucket: "bucket" },
  ListObjects: { Bucket: "bucket" },
  ListObjectsV2: { Bucket: "bucket" },
  ListParts: { Bucket: "bucket", Key: "key", UploadId: "text" },
  PutBucketAbac: { Bucket: "bucket", AbacStatus: "structure" },
  PutBucketAccelerateConfiguration: { Bucket: "bucket", AccelerateConfiguration: "structure" },
  PutBucketAcl: { Bucket: "bucket" },
  PutBucketAnalyticsConfiguration: { Bucket: "bucket", Id: "text", AnalyticsConfiguration: "structure" },
  PutBucketCors: { Bucket: "bucket", CORSConfiguration: "structure" },
  PutBucketEncryption: { Bucket: "bucket", ServerSideEncryptionConfiguration: "structure" },
  PutBucketIntelligentTieringConfiguration: {
    Bucket: "bucket",
    Id: "text",
    IntelligentTieringConfiguration: "structure",
  },
  PutBucketInventoryConfiguration: { Bucket: "bucket", Id: "text", InventoryConfiguration: "structure" },
  PutBucketLifecycleConfiguration: { Bucket: "bucket" },
  PutBucketLogging: { Bucket: "bucket", BucketLoggingStatus: "structure" },
  PutBucketMetricsConfiguration: { Bucket: "bucket", Id: "text", MetricsConfiguration: "structure" },
  PutBucketNotificationConfiguration: { Bucket: "bucket", NotificationConfiguration: "structure" },
  PutBucketOwnershipControls: { Bucket: "bucket", OwnershipControls: "structure" },
  PutBucketPolicy: { Bucket: "bucket", Policy: "text" },
  PutBucketReplication: { Bucket: "bucket", ReplicationConfiguration: "structure" },
  PutBucketRequestPayment: { Bucket: "bucket", RequestPaymentConfiguration: "structure" },
  PutBucketTagging: { Bucket: "bucket", Tagging: "structure" },
  PutBucketVersioning: { Bucket: "bucket", VersioningConfiguration: "structure" },
  PutBucketWebsite: { Bucket: "bucket", WebsiteConfiguration: "structure" },
  PutObject: { Bucket: "bucket", Key: "key" },
  PutObjectAcl: { Bucket: "bucket", Key: "key" },
  PutObjectAnnotation: { Bucket: "bucket", Key: "key", AnnotationName: "text", AnnotationPayload: "body" },
  PutObjectLegalHold: { Bucket: "bucket", Key: "key" },
  PutObjectLockConfiguration: { Bucket: "bucket" },
  PutObjectRetention: { Bucket: "bucket", Key: "key" },
  PutObjectTagging: { Bucket: "bucket", Key: "key", Tagging: "structure" },
  PutPublicAccessBlock: { Bucket: "bucket", PublicAccessBlockConfiguration: "structure" },
  RenameObject: { Bucket: "bucket", Key: "key", RenameSource: "text" },
  RestoreObject: { Bucket: "bucket", Key: "key" },
  SelectObjectContent: {
    Bucket: "bucket",
    Key: "key",
    Expression: "text",
    ExpressionType: "text",
    InputSerialization: "structure",
    OutputSerialization: "structure",
  },
  UpdateBucketMetadataAnnotationTableConfiguration: {
    Bucket: "bucket",
    AnnotationTableConfiguration: "structure",
  },
  UpdateBucketMetadataInventoryTableConfiguration: {
    Bucket: "bucket",
    InventoryTableConfiguration: "structure",
  },
  UpdateBucketMetadataJournalTableConfiguration: { Bucket: "bucket", JournalTableConfiguration: "structure" },
  UpdateObjectEncryption: { Bucket: "bucket", Key: "key", ObjectEncryption: "structure" },
  UploadPart: { Bucket: "bucket", Key: "key", PartNumber: "partNumber", UploadId: "text" },
  UploadPartCopy: {
    Bucket: "bucket",
    CopySource: "copySource",
    Key: "key",
    PartNumber: "partNumber",
    UploadId: "text",
  },
  WriteGetObjectResponse: { RequestRoute: "text", RequestToken: "text" },
} as const satisfies RequiredMembersTable;
