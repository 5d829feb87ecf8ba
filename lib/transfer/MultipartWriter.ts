import type { CompletedPart } from "@aws-sdk/client-s3";
import type { S3ServiceClient } from "../client/ClientFactory.js";
import type { CallOptions } from "../client/s3/types.js";
import { checkEtag, etagIsMd5, isRetryablePartError, md5, multipartEtag, unquote } from "./integrity.js";
import type { UploadParams } from "./options.js";
import { PartFailure, withAttempts } from "./runBounded.js";

const SSE_C_MEMBERS = [
  "SSECustomerAlgorithm",
  "SSECustomerKey",
  "SSECustomerKeyMD5",
  "RequestPayer",
  "ExpectedBucketOwner",
] as const;

/**
 * One multipart upload in progress: its parts as they complete, and the calls that finish or
 * abort it, every one through the client (so events and validation apply).
 *
 * @internal
 */
export class MultipartWriter {
  readonly uploadId: string;
  /** True once CompleteMultipartUpload succeeded: there is nothing left to abort. */
  completed = false;
  readonly #client: S3ServiceClient;
  readonly #bucket: string;
  readonly #key: string;
  readonly #partParams: Pick<UploadParams, (typeof SSE_C_MEMBERS)[number]>;
  readonly #checkEtags: boolean;
  readonly #parts = new Map<number, CompletedPart>();
  readonly #md5s = new Map<number, Buffer>();

  private constructor(
    client: S3ServiceClient,
    bucket: string,
    key: string,
    uploadId: string,
    params: UploadParams,
  ) {
    this.#client = client;
    this.#bucket = bucket;
    this.#key = key;
    this.uploadId = uploadId;
    const partParams: Record<string, unknown> = {};
    for (const member of SSE_C_MEMBERS) {
      if (params[member] !== undefined) partParams[member] = params[member];
    }
    this.#partParams = partParams;
    this.#checkEtags = etagIsMd5(params);
  }

  /** CreateMultipartUpload. */
  static async start(
    client: S3ServiceClient,
    bucket: string,
    key: string,
    params: UploadParams,
    options: CallOptions,
  ): Promise<MultipartWriter> {
    const output = await client.createMultipartUpload({ ...params, Bucket: bucket, Key: key }, options);
    if (output.UploadId === undefined) throw new Error("CreateMultipartUpload returned no UploadId");
    return new MultipartWriter(client, bucket, key, output.UploadId, params);
  }

  /**
   * UploadPart with a Content-MD5 the server checks, and the returned ETag checked against it;
   * retried on its own (`attempts`) when the data did not arrive intact or the connection broke.
   *
   * @throws {@link PartFailure} wrapping the last error.
   */
  async uploadPart(
    partNumber: number,
    data: Buffer,
    attempts: number,
    options: CallOptions & { abortSignal: AbortSignal },
  ): Promise<void> {
    const digest = md5(data);
    try {
      await withAttempts(attempts, options.abortSignal, isRetryablePartError, async () => {
        const input = {
          ...this.#partParams,
          Bucket: this.#bucket,
          Key: this.#key,
          UploadId: this.uploadId,
          PartNumber: partNumber,
          Body: data,
          ContentLength: data.length,
          ContentMD5: digest.toString("base64"),
        };
        await takeBackOnFailure(options, async (call) => {
          // The signed Content-MD5 binds the body: no need to hash it again for the signature.
          const output = await this.#client.uploadPart(input, { ...call, unsignedPayload: true });
          if (this.#checkEtags) checkEtag(`ETag of part ${partNumber}`, output.ETag, digest.toString("hex"));
          this.#parts.set(partNumber, { PartNumber: partNumber, ETag: output.ETag });
          this.#md5s.set(partNumber, digest);
        });
      });
    } catch (error) {
      throw new PartFailure(partNumber, { cause: error });
    }
  }

  /**
   * UploadPartCopy of `range` (`bytes=first-last`) of `copySource`, read only while the source
   * still has ETag `sourceEtag`.
   *
   * @throws {@link PartFailure} wrapping the last error.
   */
  async copyPart(
    partNumber: number,
    copySource: string,
    range: string,
    sourceEtag: string | undefined,
    sourceEtagIsMd5: boolean,
    attempts: number,
    options: CallOptions & { abortSignal: AbortSignal },
  ): Promise<void> {
    try {
      await withAttempts(attempts, options.abortSignal, isRetryablePartError, async () => {
        const input = {
          ...this.#partParams,
          Bucket: this.#bucket,
          Key: this.#key,
          UploadId: this.uploadId,
          PartNumber: partNumber,
          CopySource: copySource,
          CopySourceRange: range,
          ...(sourceEtag !== undefined ? { CopySourceIfMatch: sourceEtag } : {}),
        };
        const output = await this.#client.uploadPartCopy(input, options);
        const etag = output.CopyPartResult?.ETag;
        if (etag === undefined) throw new Error(`UploadPartCopy of part ${partNumber} returned no ETag`);
        this.#parts.set(partNumber, { PartNumber: partNumber, ETag: etag });
        // A copied part's ETag is the MD5 of the bytes copied (unless the source is encrypted with
        // KMS or a customer key): `complete` then checks the parts were assembled as copied.
        const hex = unquote(etag);
        if (sourceEtagIsMd5 && hex !== undefined && /^[0-9a-f]{32}$/i.test(hex))
          this.#md5s.set(partNumber, Buffer.from(hex, "hex"));
      });
    } catch (error) {
      throw new PartFailure(partNumber, { cause: error });
    }
  }

  /**
   * CompleteMultipartUpload with every part in order; when every part's MD5 is known (uploaded
   * parts, and parts copied from an unencrypted source), checks the object's ETag against the MD5
   * of the parts' MD5s.
   *
   * @throws Error when a part is missing, a {@link Mismatch} when the ETag differs.
   */
  async complete(
    partCount: number,
    options: CallOptions,
  ): Promise<{ etag: string | undefined; versionId: string | undefined }> {
    const parts: CompletedPart[] = [];
    for (let n = 1; n <= partCount; n++) {
      const part = this.#parts.get(n);
      if (part === undefined) throw new Error(`part ${n} of ${partCount} was never uploaded`);
      parts.push(part);
    }
    const output = await this.#client.completeMultipartUpload(
      {
        ...this.#partParams,
        Bucket: this.#bucket,
        Key: this.#key,
        UploadId: this.uploadId,
        MultipartUpload: { Parts: parts },
      },
      options,
    );
    this.completed = true;
    let etag = output.ETag;
    if (this.#checkEtags && this.#md5s.size === partCount) {
      if (!unquote(etag)) {
        // Ceph RGW 16 answers CompleteMultipartUpload with an empty ETag: ask for it.
        const { VersionId } = output;
        const head = await this.#client.headObject(
          {
            ...this.#partParams,
            Bucket: this.#bucket,
            Key: this.#key,
            ...(VersionId !== undefined ? { VersionId } : {}),
          },
          options,
        );
        etag = head.ETag;
      }
      const digests = [...this.#md5s.entries()].sort(([a], [b]) => a - b).map(([, d]) => d);
      checkEtag("ETag of the completed object", etag, multipartEtag(digests));
    }
    return { etag, versionId: output.VersionId };
  }

  /**
   * AbortMultipartUpload, deliberately without the transfer's signal (which may be what aborted
   * it). Never throws: the outcome goes into the transfer's error.
   */
  async abort(options: Omit<CallOptions, "abortSignal">): Promise<{ aborted: boolean; error?: unknown }> {
    const { RequestPayer, ExpectedBucketOwner } = this.#partParams;
    try {
      await this.#client.abortMultipartUpload(
        {
          Bucket: this.#bucket,
          Key: this.#key,
          UploadId: this.uploadId,
          ...(RequestPayer !== undefined ? { RequestPayer } : {}),
          ...(ExpectedBucketOwner !== undefined ? { ExpectedBucketOwner } : {}),
        },
        options,
      );
      return { aborted: true };
    } catch (error) {
      return { aborted: false, error };
    }
  }
}

/**
 * Runs one attempt of a body upload whose bytes go to `options.onSendProgress`, and takes back what
 * it reported when the attempt fails after the request succeeded (a wrong ETag, say), so that a
 * retried part is never counted twice. (Failed SDK attempts take back their own bytes.)
 *
 * @internal
 */
export async function takeBackOnFailure<T>(
  options: CallOptions,
  attempt: (options: CallOptions) => Promise<T>,
): Promise<T> {
  const report = options.onSendProgress;
  if (report === undefined) return attempt(options);
  let reported = 0;
  const counted = {
    ...options,
    onSendProgress: (bytes: number) => {
      reported += bytes;
      report(bytes);
    },
  };
  try {
    return await attempt(counted);
  } catch (error) {
    if (reported !== 0) report(-reported);
    throw error;
  }
}
