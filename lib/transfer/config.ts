/**
 * Settings of managed transfers, their defaults (those of boto3's `TransferConfig`) and the part
 * plan S3's multipart limits allow.
 *
 * @module
 */
import { ValidationError, type ValidationIssue } from "../errors.js";
import { renderValue } from "../validation/render.js";

const MiB = 1024 * 1024;

/** S3's multipart limits: at most 10,000 parts, each 5 MiB to 5 GiB (the last may be smaller). */
export const MULTIPART_LIMITS = Object.freeze({
  maxParts: 10_000,
  minPartSize: 5 * MiB,
  maxPartSize: 5 * 1024 * MiB,
  /** The largest single PutObject (and CopyObject). */
  maxSinglePut: 5 * 1024 * MiB,
});

/** How a managed transfer splits its work. Every member is optional; see {@link TRANSFER_DEFAULTS}. */
export interface TransferConfig {
  /**
   * Objects of at least this many bytes move in parts (multipart upload, ranged GETs,
   * UploadPartCopy); smaller ones in one request.
   * @default 8 MiB
   */
  multipartThreshold?: number;
  /**
   * The size of each part, raised when the object would otherwise need more than 10,000 parts and
   * clamped to 5 MiB–5 GiB (S3's limits).
   * @default 8 MiB
   */
  partSize?: number;
  /**
   * Requests in flight at once. Streams of unknown length hold at most this many parts in memory.
   * @default 10
   */
  concurrency?: number;
  /**
   * Attempts per part, the first included, on top of the SDK's own retries: a part whose ETag does
   * not match what was sent, or a download whose body breaks off, is sent or read again (each
   * part on its own; a retried part replaces itself, so the result cannot be corrupted).
   * @default 5
   */
  partAttempts?: number;
}

/** The defaults of {@link TransferConfig}: 8 MiB threshold and parts, 10 requests at once, 5 attempts a part. */
export const TRANSFER_DEFAULTS = Object.freeze({
  multipartThreshold: 8 * MiB,
  partSize: 8 * MiB,
  concurrency: 10,
  partAttempts: 5,
} satisfies Required<TransferConfig>);

/** @internal */
export type ResolvedTransferConfig = Readonly<Required<TransferConfig>>;

/**
 * The config with its defaults.
 *
 * @throws {@link ValidationError} naming each setting that is not a positive integer (or a part
 *   size outside 5 MiB–5 GiB).
 * @internal
 */
export function resolveTransferConfig(config: TransferConfig = {}): ResolvedTransferConfig {
  const issues = transferConfigIssues(config);
  if (issues.length > 0) throw new ValidationError("TransferConfig", issues);
  return Object.freeze({
    multipartThreshold: config.multipartThreshold ?? TRANSFER_DEFAULTS.multipartThreshold,
    partSize: config.partSize ?? TRANSFER_DEFAULTS.partSize,
    concurrency: config.concurrency ?? TRANSFER_DEFAULTS.concurrency,
    partAttempts: config.partAttempts ?? TRANSFER_DEFAULTS.partAttempts,
  });
}

/**
 * What is wrong with the settings of `config` (an absent or `null` setting takes its default):
 * each must be a positive safe integer, and `partSize` within 5 MiB–5 GiB.
 *
 * @example
 * ```ts
 * transferConfigIssues({ concurrency: 0 }); // [{ field: "concurrency", expected: "a positive integer", received: "0" }]
 * ```
 * @internal
 */
export function transferConfigIssues(config: TransferConfig): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of ["multipartThreshold", "partSize", "concurrency", "partAttempts"] as const) {
    const value: unknown = config[field];
    if (value === undefined || value === null) continue;
    if (!Number.isSafeInteger(value) || (value as number) < 1) {
      issues.push({ field, expected: "a positive integer", received: renderValue(value) });
    }
  }
  const { partSize } = config;
  const { minPartSize, maxPartSize } = MULTIPART_LIMITS;
  if (
    Number.isSafeInteger(partSize) &&
    partSize! >= 1 &&
    (partSize! < minPartSize || partSize! > maxPartSize)
  ) {
    issues.push({
      field: "partSize",
      expected: "5 MiB to 5 GiB (S3's part limits)",
      received: String(partSize),
    });
  }
  return issues;
}

/** How an object of known size is split. */
export interface PartPlan {
  readonly partSize: number;
  readonly partCount: number;
}

/**
 * The parts of an object of `size` bytes: `preferred` clamped to 5 MiB–5 GiB, then doubled until
 * 10,000 parts suffice (s3transfer's `ChunksizeAdjuster`).
 *
 * @example
 * ```ts
 * planParts(100 * 1024 ** 3, 8 * 1024 ** 2); // { partSize: 16 MiB, partCount: 6400 }
 * ```
 * @throws {@link ValidationError} when even 10,000 parts of 5 GiB cannot hold `size` (over 48.8 TiB).
 */
export function planParts(size: number, preferred: number): PartPlan {
  const { maxParts, minPartSize, maxPartSize } = MULTIPART_LIMITS;
  let partSize = Math.min(Math.max(preferred, minPartSize), maxPartSize);
  while (Math.ceil(size / partSize) > maxParts) partSize *= 2;
  if (partSize > maxPartSize) {
    if (Math.ceil(size / maxPartSize) > maxParts) {
      throw new ValidationError("Transfer", [
        { field: "size", expected: "at most 10,000 parts of 5 GiB", received: `${size} bytes` },
      ]);
    }
    partSize = maxPartSize;
  }
  return { partSize, partCount: Math.max(1, Math.ceil(size / partSize)) };
}
