/**
 * Managed downloads: HeadObject for the size, then one GetObject below the threshold or ranged
 * GETs in parallel above it, into a temporary file next to the target (renamed into place when
 * complete, after an fsync when asked) or, in order, into a writable stream.
 *
 * @module
 */
import { randomBytes, createHash, type Hash } from "node:crypto";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Readable, Writable } from "node:stream";
import type { S3ServiceClient } from "../client/ClientFactory.js";
import type { CallOptions } from "../client/s3/types.js";
import { resolveTransferConfig, type ResolvedTransferConfig } from "./config.js";
import { transferFailure } from "./failure.js";
import { etagIsMd5, isRetryablePartError, Mismatch, unquote } from "./integrity.js";
import { callOptions, type DownloadOptions, type TransferResult } from "./options.js";
import { Progress } from "./Progress.js";
import { PartFailure, runBounded, withAttempts } from "./runBounded.js";

/** Where a range's bytes go: a file position, or a stream in order. */
type Sink = (data: readonly Uint8Array[], bytes: number, offset: number) => Promise<void>;

interface DownloadJob {
  readonly client: S3ServiceClient;
  readonly bucket: string;
  readonly key: string;
  readonly options: DownloadOptions;
  readonly config: ResolvedTransferConfig;
  readonly signal: AbortSignal;
  readonly path?: string;
}

interface Head {
  readonly size: number;
  readonly etag: string | undefined;
  readonly versionId: string | undefined;
  /** The hex MD5 the whole object must have, when its ETag is one. */
  readonly md5: string | undefined;
}

/**
 * Downloads `bucket`/`key` to `path`. See `client.downloadFile`.
 *
 * @throws {@link TransferError} (or a subclass) with the cause; the temporary file is removed first.
 * @internal
 */
export async function downloadFile(
  client: S3ServiceClient,
  bucket: string,
  key: string,
  path: string,
  options: DownloadOptions = {},
): Promise<TransferResult> {
  const job = newJob(client, bucket, key, options, path);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.part`);
  let file: FileHandle | undefined;
  try {
    const head = await headObject(job);
    file = await open(temporary, "wx");
    const handle = file;
    const result = await fetchRanges(
      job,
      head,
      (chunks, bytes, offset) => writeAt(handle, chunks, bytes, offset),
      true,
    );
    const { size } = await handle.stat();
    if (size !== head.size)
      throw new Mismatch("size of the downloaded file", String(head.size), String(size));
    if (options.fsync === true) await handle.sync();
    await handle.close();
    file = undefined;
    await rename(temporary, path);
    return result;
  } catch (error) {
    await file?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw await transferFailure(details(job), error, options.abortSignal, undefined);
  }
}

/**
 * Writes `bucket`/`key` into `destination` in order, holding at most `concurrency` ranges in
 * memory. Does not end the stream. See `client.downloadStream`.
 *
 * @throws {@link TransferError} (or a subclass) with the cause.
 * @internal
 */
export async function downloadStream(
  client: S3ServiceClient,
  bucket: string,
  key: string,
  destination: Writable,
  options: DownloadOptions = {},
): Promise<TransferResult> {
  const job = newJob(client, bucket, key, options);
  let streamError: Error | undefined;
  const onError = (error: Error): void => void (streamError ??= error);
  destination.on("error", onError);
  try {
    const head = await headObject(job);
    return await fetchRanges(
      job,
      head,
      async (chunks) => {
        for (const chunk of chunks) await write(destination, chunk, () => streamError);
      },
      false,
    );
  } catch (error) {
    throw await transferFailure(details(job), streamError ?? error, options.abortSignal, undefined);
  } finally {
    destination.off("error", onError);
  }
}

function newJob(
  client: S3ServiceClient,
  bucket: string,
  key: string,
  options: DownloadOptions,
  path?: string,
): DownloadJob {
  const config = resolveTransferConfig(options);
  const signal = options.abortSignal ?? new AbortController().signal;
  return { client, bucket, key, options, config, signal, ...(path !== undefined ? { path } : {}) };
}

function details(job: DownloadJob) {
  return {
    direction: "download" as const,
    bucket: job.bucket,
    key: job.key,
    ...(job.path !== undefined ? { path: job.path } : {}),
  };
}

async function headObject(job: DownloadJob): Promise<Head> {
  const { client, bucket, key, options, signal } = job;
  const output = await client.headObject(
    { ...options.params, Bucket: bucket, Key: key },
    callOptions(signal, options),
  );
  const etag = unquote(output.ETag);
  const plainMd5 =
    etag !== undefined && /^[0-9a-f]{32}$/i.test(etag) && etagIsMd5({ ...output, ...options.params });
  return {
    size: output.ContentLength ?? 0,
    etag: output.ETag,
    versionId: output.VersionId,
    md5: plainMd5 ? etag.toLowerCase() : undefined,
  };
}

/**
 * One GET below the threshold (its MD5 checked against a plain-MD5 ETag), else ranged GETs,
 * `concurrency` at a time, each retried on its own; every GET pinned to the ETag HeadObject saw.
 * With `unordered`, ranges go to `sink` as they arrive (a file); otherwise each range is gathered
 * and handed over in order (a stream).
 */
async function fetchRanges(
  job: DownloadJob,
  head: Head,
  sink: Sink,
  unordered: boolean,
): Promise<TransferResult> {
  const { client, bucket, key, options, config } = job;
  const target = { service: client.meta.service, direction: "download" as const, bucket, key };
  const progress = new Progress(client.meta.events, target, head.size, options.onProgress);
  const single = head.size < config.multipartThreshold;
  const partSize = single ? Math.max(head.size, 1) : config.partSize;
  const count = single ? 1 : Math.ceil(head.size / partSize);
  const ranges = Array.from({ length: count }, (_, i) => ({
    partNumber: i + 1,
    first: i * partSize,
    last: Math.min((i + 1) * partSize, head.size) - 1,
  }));
  let turn = 0;
  const waiting = new Map<number, () => void>();
  await runBounded(ranges, config.concurrency, options.abortSignal, async (range, shared) => {
    const call = { ...callOptions(shared, options), abortSignal: shared };
    try {
      const chunks = await withAttempts(config.partAttempts, shared, isRetryablePartError, async () => {
        let reported = 0;
        try {
          return await getRange(
            job,
            head,
            single ? undefined : range,
            call,
            unordered ? sink : undefined,
            (n) => {
              reported += n;
              progress.add(n);
            },
            single ? head.md5 : undefined,
          );
        } catch (error) {
          progress.add(-reported);
          throw error;
        }
      });
      if (unordered) return;
      while (turn !== range.partNumber - 1) {
        shared.throwIfAborted();
        await new Promise<void>((resolve, reject) => {
          waiting.set(range.partNumber - 1, resolve);
          // A failed range never takes its turn: the ranges behind it must not wait forever.
          shared.addEventListener("abort", () => reject(shared.reason as Error), { once: true });
        });
      }
      await sink(chunks, 0, 0);
      turn++;
      waiting.get(turn)?.();
    } catch (error) {
      throw new PartFailure(range.partNumber, { cause: error });
    }
  });
  return {
    bucket,
    key,
    size: head.size,
    etag: head.etag,
    versionId: head.versionId,
    parts: count,
    uploadId: undefined,
  };
}

/** Bytes gathered before one positional write of a downloaded range. */
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * GetObject of one range (or the whole object). With a sink, the chunks are written at their
 * offset as they arrive, about a MiB at a time; without, they are returned. Checks the length, and
 * the MD5 when given.
 */

async function getRange(
  job: DownloadJob,
  head: Head,
  range: { first: number; last: number } | undefined,
  call: CallOptions,
  sink: Sink | undefined,
  report: (bytes: number) => void,
  expectedMd5: string | undefined,
): Promise<Uint8Array[]> {
  const { client, bucket, key, options } = job;
  const input = {
    ...options.params,
    Bucket: bucket,
    Key: key,
    ...(head.etag !== undefined ? { IfMatch: head.etag } : {}),
    ...(range !== undefined ? { Range: `bytes=${range.first}-${range.last}` } : {}),
  };
  const output = await client.getObject(input, call);
  const body = output.Body as AsyncIterable<Uint8Array> | undefined;
  const start = range?.first ?? 0;
  const expected = range === undefined ? head.size : range.last - range.first + 1;
  const hash: Hash | undefined = expectedMd5 !== undefined ? createHash("md5") : undefined;
  const kept: Uint8Array[] = [];
  let received = 0;
  // Socket chunks are small (16-64 KiB); writing each on its own means many positional writes
  // competing for libuv's few file-system threads. Gather about a MiB per write instead, and hand
  // the chunks to one writev rather than copying them into one buffer first.
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (sink === undefined || pendingBytes === 0) return;
    const chunks = pending;
    pending = [];
    await sink(chunks, pendingBytes, start + received - pendingBytes);
    pendingBytes = 0;
  };
  // The SDK's requestTimeout ends with the headers: a body that stalls is the transfer's to catch.
  const idle = options.requestTimeout;
  const watchdog =
    idle === undefined || body === undefined
      ? undefined
      : setTimeout(() => {
          const error = Object.assign(new Error(`no data for ${idle} ms while reading ${describe(range)}`), {
            name: "TimeoutError",
            code: "ETIMEDOUT",
          });
          (body as Partial<Readable>).destroy?.(error);
        }, idle);
  try {
    for await (const chunk of body ?? []) {
      watchdog?.refresh();
      if (received + chunk.length > expected)
        throw new Mismatch(
          `length of ${describe(range)}`,
          String(expected),
          `more than ${received + chunk.length - 1} bytes`,
        );
      hash?.update(chunk);
      received += chunk.length;
      if (sink !== undefined) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= WRITE_BATCH_BYTES) {
          await flush();
          watchdog?.refresh(); // a slow disk is not a silent server
        }
      } else {
        kept.push(chunk);
      }
      report(chunk.length);
    }
  } finally {
    clearTimeout(watchdog);
  }
  await flush();
  if (received !== expected)
    throw new Mismatch(`length of ${describe(range)}`, String(expected), String(received));
  const digest = hash?.digest("hex");
  if (digest !== undefined && digest !== expectedMd5)
    throw new Mismatch("MD5 of the object (its ETag)", expectedMd5 ?? "", digest);
  return kept;
}

function describe(range: { first: number; last: number } | undefined): string {
  return range === undefined ? "the object" : `bytes ${range.first}-${range.last}`;
}

/** Writes `chunks` (`bytes` in all) at `offset` with positional writev, resuming after short writes. */
async function writeAt(
  file: FileHandle,
  chunks: readonly Uint8Array[],
  bytes: number,
  offset: number,
): Promise<void> {
  let written = (await file.writev(chunks as Uint8Array[], offset)).bytesWritten;
  if (written === bytes) return;
  // A short write (rare for regular files): write what is left from one buffer.
  const all = Buffer.concat(chunks, bytes);
  while (written < bytes) {
    const { bytesWritten } = await file.write(all, written, bytes - written, offset + written);
    written += bytesWritten;
  }
}

/** Writes with backpressure; rejects with the stream's error. */
function write(destination: Writable, data: Uint8Array, failed: () => Error | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const error = failed();
    if (error !== undefined) return reject(error);
    destination.write(data, (err) => (err ? reject(err) : resolve()));
  });
}
