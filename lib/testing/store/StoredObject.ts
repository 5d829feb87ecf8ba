/**
 * One version of an object (or a delete marker) as the emulator keeps it in memory.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** The standard headers S3 stores with an object and returns on GET/HEAD. */
export const STORED_HEADERS = [
  "cache-control",
  "content-disposition",
  "content-encoding",
  "content-language",
  "expires",
] as const;

/** ECS-native retention set on the object (reference §5.1). */
export interface EcsRetention {
  /** Seconds from creation; `-1` is infinite. */
  periodSeconds?: number;
  policy?: string;
}

/** S3 Object Lock state of a version (reference §12). */
export interface ObjectLockState {
  mode?: "GOVERNANCE" | "COMPLIANCE";
  retainUntilMs?: number;
  legalHold?: boolean;
}

let sequence = 0;

/** Hex MD5 of `data`. */
export function md5Hex(data: Uint8Array): string {
  return createHash("md5").update(data).digest("hex");
}

/** A stored object version or delete marker. Mutable: byte-range writes and tagging change it in place. */
export class StoredObject {
  /** Creation order across the whole emulator; orders versions of one key. */
  readonly seq = ++sequence;
  body: Buffer;
  /** Quoted, as sent in the `ETag` header. */
  etag: string;
  /** Hex MD5 of the whole content, sent as `x-emc-content-md5` (unlike the ETag, always the real MD5). */
  contentMd5: string;
  contentType: string;
  /** Values of {@link STORED_HEADERS} that were given. */
  headers: Record<string, string> = {};
  /** User metadata: lower-cased names without the `x-amz-meta-` prefix. */
  userMetadata = new Map<string, string>();
  tags = new Map<string, string>();
  lastModifiedMs: number;
  retention: EcsRetention = {};
  lock: ObjectLockState = {};
  /** Counts byte-range writes; their ETag is this counter, as on ECS (reference §4). */
  generation = 1;
  partsCount: number | undefined;
  serverSideEncryption: string | undefined;

  constructor(
    readonly key: string,
    /** `null` for the version of an unversioned or suspended bucket. */
    readonly versionId: string,
    readonly isDeleteMarker: boolean,
    readonly createdMs: number,
    readonly owner: string,
    body: Buffer,
    contentType: string,
    /** The internal object id returned by metadata queries. */
    readonly objectId: string,
  ) {
    this.body = body;
    this.contentType = contentType;
    this.contentMd5 = md5Hex(body);
    this.etag = `"${this.contentMd5}"`;
    this.lastModifiedMs = createdMs;
  }

  /** Size in bytes. */
  get size(): number {
    return this.body.length;
  }

  /** Replaces the content after a byte-range write: new MD5, a counter ETag, a new modification time. */
  rewrite(body: Buffer, now: number): void {
    this.body = body;
    this.contentMd5 = md5Hex(body);
    this.generation += 1;
    this.etag = `"${this.generation}"`;
    this.lastModifiedMs = now;
    this.partsCount = undefined;
  }
}

/** A part of a multipart upload. */
export interface UploadedPart {
  readonly partNumber: number;
  readonly body: Buffer;
  readonly etag: string;
  readonly lastModifiedMs: number;
}

/** A multipart upload in progress: what CreateMultipartUpload said, and the parts so far. */
export interface MultipartUpload {
  readonly uploadId: string;
  readonly key: string;
  readonly initiatedMs: number;
  readonly owner: string;
  readonly contentType: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly userMetadata: ReadonlyMap<string, string>;
  readonly tags: ReadonlyMap<string, string>;
  readonly retention: Readonly<EcsRetention>;
  readonly lock: Readonly<ObjectLockState>;
  readonly serverSideEncryption: string | undefined;
  readonly parts: Map<number, UploadedPart>;
}
