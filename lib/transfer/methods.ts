/**
 * Declaration merging that types the managed-transfer methods on `S3ServiceClient`, `Bucket` and
 * `S3Object`. They exist at run time on every session created without `transfers: false`.
 *
 * @module
 */
import type { Writable } from "node:stream";
import type {
  CopyOptions,
  CopySource,
  DownloadOptions,
  TransferResult,
  UploadBody as Body,
  UploadOptions,
  UploadStreamOptions,
} from "./options.js";

declare module "../client/ClientFactory.js" {
  interface S3ServiceClient {
    /**
     * Uploads a file: one PutObject below `multipartThreshold`, else a multipart upload of
     * `partSize` parts (raised to fit 10,000), `concurrency` at a time, each read from the file
     * when its turn comes. Every part carries a Content-MD5 and its ETag is checked; the object's
     * ETag is checked against the parts. Any failure or abort aborts the multipart upload.
     *
     * @example
     * ```ts
     * const { etag, parts } = await client.uploadFile("./db.dump", "backups", "2026/db.dump", {
     *   params: { ContentType: "application/octet-stream" },
     *   onProgress: ({ bytes, total }) => console.log(bytes, total),
     * });
     * ```
     * @throws {@link TransferError} naming the part, with the cause and whether the upload was aborted;
     *   {@link TransferAbortedError} when `abortSignal` fired; {@link TransferIntegrityError} when
     *   an ETag did not match after `partAttempts` tries.
     * @throws {@link ValidationError} for an invalid {@link TransferConfig}.
     */
    uploadFile(path: string, bucket: string, key: string, options?: UploadOptions): Promise<TransferResult>;
    /**
     * Uploads a stream, of unknown length unless `options.size` says: reads up to
     * `multipartThreshold` bytes to choose between PutObject and a multipart upload, then holds
     * at most `concurrency` parts in memory.
     *
     * @example
     * ```ts
     * await client.uploadStream(createReadStream("./log").pipe(createGzip()), "logs", "app.log.gz");
     * ```
     * @throws {@link TransferError} (and subclasses), as {@link S3ServiceClient.uploadFile}.
     */
    uploadStream(
      body: Body,
      bucket: string,
      key: string,
      options?: UploadStreamOptions,
    ): Promise<TransferResult>;
    /**
     * Downloads an object to a file: HeadObject, then one GET below `multipartThreshold` (MD5
     * checked when the ETag is one) or ranged GETs, `concurrency` at a time, each pinned to the
     * ETag seen. Writes a temporary file in the same directory, checks its size (fsyncs it with
     * `fsync: true`) and renames it over `path`; on failure the temporary file is removed.
     *
     * @example
     * ```ts
     * await client.downloadFile("backups", "2026/db.dump", "./db.dump", { abortSignal: AbortSignal.timeout(60_000) });
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause.
     */
    downloadFile(
      bucket: string,
      key: string,
      path: string,
      options?: DownloadOptions,
    ): Promise<TransferResult>;
    /**
     * Writes an object into `destination` in order (ranged GETs in parallel above the threshold,
     * at most `concurrency` ranges in memory). `destination` is not ended.
     *
     * @example
     * ```ts
     * await client.downloadStream("logs", "app.log", process.stdout);
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause, including the stream's own errors.
     */
    downloadStream(
      bucket: string,
      key: string,
      destination: Writable,
      options?: DownloadOptions,
    ): Promise<TransferResult>;
    /**
     * Copies an object on the server: CopyObject below `multipartThreshold`, else a multipart
     * upload of UploadPartCopy ranges (the source's metadata and content headers carried over).
     * Every read is pinned to the source's ETag.
     *
     * @example
     * ```ts
     * await client.copy({ Bucket: "logs", Key: "big.bin" }, "archive", "2026/big.bin");
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause, after aborting any multipart upload.
     */
    copy(source: CopySource, bucket: string, key: string, options?: CopyOptions): Promise<TransferResult>;
  }
}

declare module "../../resources/s3/Bucket.js" {
  interface Bucket {
    /**
     * Uploads a file to `key` in this bucket; see `S3ServiceClient.uploadFile`.
     *
     * @example
     * ```ts
     * await s3.Bucket("backups").uploadFile("./db.dump", "2026/db.dump");
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause.
     */
    uploadFile(path: string, key: string, options?: UploadOptions): Promise<TransferResult>;
    /**
     * Uploads a stream to `key` in this bucket; see `S3ServiceClient.uploadStream`.
     *
     * @example
     * ```ts
     * await bucket.uploadStream(Readable.from(lines()), "report.csv");
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause.
     */
    uploadStream(body: Body, key: string, options?: UploadStreamOptions): Promise<TransferResult>;
    /**
     * Downloads `key` of this bucket to a file; see `S3ServiceClient.downloadFile`.
     *
     * @example
     * ```ts
     * await bucket.downloadFile("2026/db.dump", "./db.dump");
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause.
     */
    downloadFile(key: string, path: string, options?: DownloadOptions): Promise<TransferResult>;
    /**
     * Writes `key` of this bucket into a stream; see `S3ServiceClient.downloadStream`.
     *
     * @example
     * ```ts
     * await bucket.downloadStream("app.log", process.stdout);
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause.
     */
    downloadStream(key: string, destination: Writable, options?: DownloadOptions): Promise<TransferResult>;
    /**
     * Copies `source` to `key` in this bucket, on the server; see `S3ServiceClient.copy`.
     *
     * @example
     * ```ts
     * await s3.Bucket("archive").copy({ Bucket: "logs", Key: "big.bin" }, "2026/big.bin");
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause.
     */
    copy(source: CopySource, key: string, options?: CopyOptions): Promise<TransferResult>;
  }
}

declare module "../../resources/s3/Object.js" {
  interface S3Object {
    /**
     * Uploads a file as this object and marks its data stale; see `S3ServiceClient.uploadFile`.
     *
     * @example
     * ```ts
     * await s3.Object("backups", "2026/db.dump").uploadFile("./db.dump");
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause.
     */
    uploadFile(path: string, options?: UploadOptions): Promise<TransferResult>;
    /**
     * Uploads a stream as this object and marks its data stale; see `S3ServiceClient.uploadStream`.
     *
     * @example
     * ```ts
     * await obj.uploadStream(process.stdin);
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause.
     */
    uploadStream(body: Body, options?: UploadStreamOptions): Promise<TransferResult>;
    /**
     * Downloads this object to a file; see `S3ServiceClient.downloadFile`.
     *
     * @example
     * ```ts
     * await obj.downloadFile("./db.dump");
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause.
     */
    downloadFile(path: string, options?: DownloadOptions): Promise<TransferResult>;
    /**
     * Writes this object into a stream; see `S3ServiceClient.downloadStream`.
     *
     * @example
     * ```ts
     * await obj.downloadStream(process.stdout);
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause.
     */
    downloadStream(destination: Writable, options?: DownloadOptions): Promise<TransferResult>;
    /**
     * Copies `source` INTO this object, on the server (boto3's `Object.copy(CopySource)`), and
     * marks its data stale; see `S3ServiceClient.copy`.
     *
     * @example
     * ```ts
     * await s3.Object("archive", "2026/big.bin").copy({ Bucket: "logs", Key: "big.bin" });
     * ```
     * @throws {@link TransferError} (and subclasses) with the cause.
     */
    copy(source: CopySource, options?: CopyOptions): Promise<TransferResult>;
  }
}
