import type { CompletedPart } from "@aws-sdk/client-s3";
import { ObjectScaleResourcesError } from "../errors.js";
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

  /**
   * CreateMultipartUpload. An attempt whose answer was lost on the way back may still have created
   * an upload, which nothing but a listing can name: when the SDK had to retry the call, or the
   * call failed after it may have reached the server, those uploads are found and aborted (see
   * {@link abortStrays}).
   */
  static async start(
    client: S3ServiceClient,
    bucket: string,
    key: string,
    params: UploadParams,
    options: CallOptions,
  ): Promise<MultipartWriter> {
    const began = Date.now();
    let output;
    try {
      output = await client.createMultipartUpload({ ...params, Bucket: bucket, Key: key }, options);
    } catch (error) {
      if (mayHaveReachedServer(error)) {
        await abortStrays(client, bucket, key, params, options, (uploads) => {
          // No upload of ours to date them by: the call's own span, on the server's clock as the
          // SDK tracks it (Date headers), give or take 2 s for the header's rounding.
          const offset = Number(
            (client.meta.sdk.config as { systemClockOffset?: number }).systemClockOffset ?? 0,
          );
          return uploads.filter((u) => u.at >= began + offset - 2000 && u.at <= Date.now() + offset + 2000);
        });
      }
      throw error;
    }
    if (output.UploadId === undefined) throw new Error("CreateMultipartUpload returned no UploadId");
    const uploadId = output.UploadId;
    const writer = new MultipartWriter(client, bucket, key, uploadId, params);
    const attempts = output.$metadata.attempts ?? 1;
    if (attempts > 1) {
      const elapsed = Date.now() - began;
      await abortStrays(client, bucket, key, params, options, (uploads) => {
        // Dated by our own upload, on the server's clock: the strays came before it, within the call.
        const ours = uploads.find((u) => u.uploadId === uploadId)?.at;
        if (ours === undefined) return [];
        return uploads.filter(
          (u) => u.uploadId !== uploadId && u.at <= ours && u.at >= ours - elapsed - 2000,
        );
      });
    }
    return writer;
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
    const digests = [...this.#md5s.entries()].sort(([a], [b]) => a - b).map(([, d]) => d);
    const expected = this.#checkEtags && digests.length === partCount ? multipartEtag(digests) : undefined;
    let output;
    try {
      output = await this.#client.completeMultipartUpload(
        {
          ...this.#partParams,
          Bucket: this.#bucket,
          Key: this.#key,
          UploadId: this.uploadId,
          MultipartUpload: { Parts: parts },
        },
        options,
      );
    } catch (error) {
      // The server may have completed the upload and the answer been lost, the SDK's retry then
      // finding NoSuchUpload: when the object now has exactly the ETag our parts make, it did.
      const head =
        expected === undefined ? undefined : await this.#head(undefined, options).catch(() => undefined);
      if (head === undefined || unquote(head.ETag) !== expected) throw error;
      this.completed = true;
      return { etag: head.ETag, versionId: head.VersionId };
    }
    this.completed = true;
    let etag = output.ETag;
    if (expected !== undefined) {
      // Ceph RGW 16 answers CompleteMultipartUpload with an empty ETag: ask for it.
      if (!unquote(etag)) etag = (await this.#head(output.VersionId, options)).ETag;
      checkEtag("ETag of the completed object", etag, expected);
    }
    return { etag, versionId: output.VersionId };
  }

  #head(versionId: string | undefined, options: CallOptions) {
    return this.#client.headObject(
      {
        ...this.#partParams,
        Bucket: this.#bucket,
        Key: this.#key,
        ...(versionId !== undefined ? { VersionId: versionId } : {}),
      },
      options,
    );
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
      // A retried abort whose first answer was lost finds the upload gone: nothing is left behind.
      if ((error as { name?: unknown }).name === "NoSuchUpload") return { aborted: true };
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

/**
 * Whether a failed call may have reached the server (and so had its effect): not when the server
 * refused it with a 4xx, or when it failed before anything was sent (validation, a closed session).
 */
function mayHaveReachedServer(error: unknown): boolean {
  if (ObjectScaleResourcesError.is(error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
  return attempts > 1 || status === undefined || status >= 500;
}

/**
 * Aborts the multipart uploads of `key` that `strays` picks from a listing of them (`at`: when the
 * server initiated each). Another writer starting an upload of the very same key within the few
 * seconds `strays` looks at would lose it too, which is why this runs only after a create that
 * was retried or failed. Best effort, never throws: uploads it cannot abort are left to a
 * lifecycle rule for incomplete uploads.
 */
async function abortStrays(
  client: S3ServiceClient,
  bucket: string,
  key: string,
  params: UploadParams,
  options: CallOptions,
  strays: (uploads: readonly { uploadId: string; at: number }[]) => readonly { uploadId: string }[],
): Promise<void> {
  const { ExpectedBucketOwner, RequestPayer } = params;
  // Not under the transfer's signal, which may be what ended the create.
  const { abortSignal: _signal, ...cleanup } = options;
  const owner = {
    ...(ExpectedBucketOwner !== undefined ? { ExpectedBucketOwner } : {}),
    ...(RequestPayer !== undefined ? { RequestPayer } : {}),
  };
  try {
    const uploads: { uploadId: string; at: number }[] = [];
    const listing = client.paginate(
      "ListMultipartUploads",
      { ...owner, Bucket: bucket, Prefix: key },
      cleanup,
    );
    for await (const page of listing) {
      for (const u of page.Uploads ?? []) {
        if (u.Key === key && u.UploadId !== undefined && u.Initiated !== undefined)
          uploads.push({ uploadId: u.UploadId, at: u.Initiated.getTime() });
      }
    }
    for (const { uploadId } of strays(uploads)) {
      await client
        .abortMultipartUpload({ ...owner, Bucket: bucket, Key: key, UploadId: uploadId }, cleanup)
        .catch(() => undefined);
    }
  } catch {
    // best effort, see above
  }
}
