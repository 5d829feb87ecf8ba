/**
 * Managed server-side copies: HeadObject on the source, then one CopyObject below the threshold
 * or a multipart upload of UploadPartCopy ranges above it. No data passes through this process.
 *
 * @module
 */
import type { HeadObjectCommandOutput } from "@aws-sdk/client-s3";
import type { S3ServiceClient } from "../client/ClientFactory.js";
import { planParts, resolveTransferConfig } from "./config.js";
import { transferFailure } from "./failure.js";
import { checkEtag, etagIsMd5, Mismatch, unquote } from "./integrity.js";
import { MultipartWriter } from "./MultipartWriter.js";
import {
  callOptions,
  type CopyOptions,
  type CopySource,
  type TransferResult,
  type UploadParams,
} from "./options.js";
import { Progress } from "./Progress.js";
import { runBounded } from "./runBounded.js";

/** Members a multipart copy takes from the source when the caller gives no `Metadata`/`ContentType`. */
const CARRIED = [
  "ContentType",
  "ContentEncoding",
  "ContentDisposition",
  "ContentLanguage",
  "CacheControl",
  "Expires",
  "Metadata",
] as const;

/**
 * Copies `source` to `bucket`/`key` on the server. See `client.copy`.
 *
 * @throws {@link TransferError} (or a subclass) with the cause, after aborting any multipart upload.
 * @internal
 */
export async function copy(
  client: S3ServiceClient,
  source: CopySource,
  bucket: string,
  key: string,
  options: CopyOptions = {},
): Promise<TransferResult> {
  const config = resolveTransferConfig(options);
  const signal = options.abortSignal ?? new AbortController().signal;
  const call = callOptions(signal, options);
  const params: UploadParams = options.params ?? {};
  const target = { service: client.meta.service, direction: "copy" as const, bucket, key };
  const copySource = encodeCopySource(source);
  let writer: MultipartWriter | undefined;
  try {
    const head = await client.headObject(
      {
        Bucket: source.Bucket,
        Key: source.Key,
        ...(source.VersionId !== undefined ? { VersionId: source.VersionId } : {}),
      },
      call,
    );
    const size = head.ContentLength ?? 0;
    const progress = new Progress(client.meta.events, target, size, options.onProgress);
    const replacing = params.Metadata !== undefined || params.ContentType !== undefined;
    const sourceIsMd5 = etagIsMd5(head);
    if (size < config.multipartThreshold) {
      const output = await client.copyObject(
        {
          ...params,
          Bucket: bucket,
          Key: key,
          CopySource: copySource,
          ...(head.ETag !== undefined ? { CopySourceIfMatch: head.ETag } : {}),
          ...(replacing ? { MetadataDirective: "REPLACE" as const } : {}),
        },
        call,
      );
      const etag = output.CopyObjectResult?.ETag;
      // A one-request copy of a plain-MD5 object has the source's ETag: the server copied what HeadObject saw.
      const sourceMd5 = unquote(head.ETag);
      if (sourceIsMd5 && etagIsMd5(params) && sourceMd5 !== undefined && /^[0-9a-f]{32}$/i.test(sourceMd5))
        checkEtag("ETag of the copy", etag, sourceMd5.toLowerCase());
      progress.add(size);
      return { bucket, key, size, etag, versionId: output.VersionId, parts: 1, uploadId: undefined };
    }
    const { partSize, partCount } = planParts(size, config.partSize);
    writer = await MultipartWriter.start(
      client,
      bucket,
      key,
      replacing ? params : { ...carried(head), ...params },
      call,
    );
    const started = writer;
    const numbers = Array.from({ length: partCount }, (_, i) => i + 1);
    await runBounded(numbers, config.concurrency, options.abortSignal, async (partNumber, shared) => {
      const first = (partNumber - 1) * partSize;
      const last = Math.min(first + partSize, size) - 1;
      await started.copyPart(
        partNumber,
        copySource,
        `bytes=${first}-${last}`,
        head.ETag,
        sourceIsMd5,
        config.partAttempts,
        {
          ...callOptions(shared, options),
          abortSignal: shared,
        },
      );
      progress.add(last - first + 1);
    });
    signal.throwIfAborted();
    const { etag, versionId } = await writer.complete(partCount, call);
    // The parts' ETags checked the assembly (see MultipartWriter.complete); the size must match too.
    const written = await client.headObject(
      { Bucket: bucket, Key: key, ...(versionId !== undefined ? { VersionId: versionId } : {}) },
      call,
    );
    if (written.ContentLength !== size)
      throw new Mismatch("size of the copy", String(size), String(written.ContentLength));
    return { bucket, key, size, etag, versionId, parts: partCount, uploadId: writer.uploadId };
  } catch (error) {
    throw await transferFailure(
      { direction: "copy", bucket, key },
      error,
      options.abortSignal,
      writer,
      options.requestTimeout,
    );
  }
}

/** `bucket/key?versionId=`, the key URL-encoded but for its slashes, as `x-amz-copy-source` wants. */
export function encodeCopySource(source: CopySource): string {
  const key = source.Key.split("/").map(encodeURIComponent).join("/");
  const version = source.VersionId !== undefined ? `?versionId=${encodeURIComponent(source.VersionId)}` : "";
  return `${source.Bucket}/${key}${version}`;
}

function carried(head: HeadObjectCommandOutput): UploadParams {
  const params: Record<string, unknown> = {};
  for (const member of CARRIED) if (head[member] !== undefined) params[member] = head[member];
  return params;
}
