/**
 * Partial object writes: append, byte-range update and overwrite from an offset, each an object
 * PUT with a `Range` request header (reference §4).
 *
 * @module
 */
import type { Readable } from "node:stream";
import type { MetadataBearer } from "@smithy/types";
import {
  defineOperation,
  type OperationRequest,
  type OperationResponse,
} from "../../../lib/client/defineOperation.js";
import { toNumber } from "../xml.js";

/** A request body: text (sent as UTF-8), bytes, or a stream (then give `ContentLength`). */
export type ObjectScaleBody = string | Uint8Array | Readable;

/** Input of `AppendObject`. */
export interface AppendObjectInput {
  Bucket: string;
  Key: string;
  Body: ObjectScaleBody;
  /** Bytes in `Body`; required for streams. */
  ContentLength?: number;
  ContentType?: string;
}

/** Output of `AppendObject`. */
export interface AppendObjectOutput extends MetadataBearer {
  /**
   * Where the appended bytes start (the object's size before the append), from
   * `x-emc-append-offset`, or `x-emc-previous-object-size` from releases that send that instead.
   */
  AppendOffset?: number;
  ETag?: string;
}

/** Input of `UpdateObjectRange`: replaces the bytes from `Offset` to `Offset + length - 1`. */
export interface UpdateObjectRangeInput {
  Bucket: string;
  Key: string;
  /** The first byte to replace. */
  Offset: number;
  /** Exactly the replacement bytes. */
  Body: ObjectScaleBody;
  /** Bytes in `Body`; required for streams. */
  ContentLength?: number;
}

/** Input of `OverwriteObjectRange`: writes `Body` from `Offset` on; the object grows if needed. */
export type OverwriteObjectRangeInput = UpdateObjectRangeInput;

/** Output of the range writes. */
export interface ObjectRangeWriteOutput extends MetadataBearer {
  /** Not an MD5 of the content after a partial write; do not verify it locally. */
  ETag?: string;
  /** `x-emc-previous-object-size`, when the server sends it. */
  PreviousObjectSize?: number;
}

/**
 * The byte length of a body, or `undefined` for a stream.
 *
 * @example
 * ```ts
 * byteLength("é"); // 2
 * ```
 */
export function byteLength(body: ObjectScaleBody): number | undefined {
  if (typeof body === "string") return Buffer.byteLength(body, "utf8");
  return body instanceof Uint8Array ? body.byteLength : undefined;
}

function put(
  range: string,
  input: { Body: ObjectScaleBody; ContentLength?: number },
  extra?: Record<string, string>,
): OperationRequest {
  const headers: Record<string, string> = { range, ...extra };
  if (input.ContentLength !== undefined) headers["content-length"] = String(input.ContentLength);
  return { method: "PUT", headers, body: input.Body };
}

function rangeWriteOutput({ headers }: OperationResponse): Omit<ObjectRangeWriteOutput, "$metadata"> {
  const previous = toNumber(headers["x-emc-previous-object-size"]);
  return {
    ...(headers["etag"] !== undefined ? { ETag: headers["etag"] } : {}),
    ...(previous !== undefined ? { PreviousObjectSize: previous } : {}),
  };
}

/**
 * `PUT /{Bucket}/{Key}` with `Range: bytes=-1-`: appends atomically at the object's end.
 *
 * @example
 * ```ts
 * const { AppendOffset } = await s3.send(new AppendObjectCommand({ Bucket: "b", Key: "app.log", Body: "line\n" }));
 * ```
 */
export const AppendObjectCommand = defineOperation<AppendObjectInput, AppendObjectOutput>({
  name: "AppendObject",
  scope: "object",
  serialize: (input) =>
    put(
      "bytes=-1-",
      input,
      input.ContentType !== undefined ? { "content-type": input.ContentType } : undefined,
    ),
  deserialize: ({ headers }) => {
    const offset = toNumber(headers["x-emc-append-offset"] ?? headers["x-emc-previous-object-size"]);
    return {
      ...(offset !== undefined ? { AppendOffset: offset } : {}),
      ...(headers["etag"] !== undefined ? { ETag: headers["etag"] } : {}),
    };
  },
});

/**
 * `PUT /{Bucket}/{Key}` with `Range: bytes=<Offset>-<Offset + length - 1>`: replaces bytes in place.
 *
 * @example
 * ```ts
 * await s3.send(new UpdateObjectRangeCommand({ Bucket: "b", Key: "k", Offset: 10, Body: "HELLO" })); // bytes=10-14
 * ```
 * @throws Error when the length is unknown (a stream without `ContentLength`); the plugin's
 *   validation reports that as a `ValidationError` before this point.
 */
export const UpdateObjectRangeCommand = defineOperation<UpdateObjectRangeInput, ObjectRangeWriteOutput>({
  name: "UpdateObjectRange",
  scope: "object",
  serialize: (input) => {
    const length = input.ContentLength ?? byteLength(input.Body);
    if (length === undefined || length < 1)
      throw new Error("UpdateObjectRange needs a non-empty Body of known length");
    return put(`bytes=${input.Offset}-${input.Offset + length - 1}`, input);
  },
  deserialize: rangeWriteOutput,
});

/**
 * `PUT /{Bucket}/{Key}` with `Range: bytes=<Offset>-`: writes from the offset on, growing the object
 * when the write runs past its end.
 *
 * @example
 * ```ts
 * await s3.send(new OverwriteObjectRangeCommand({ Bucket: "b", Key: "k", Offset: 10, Body: "tail" })); // bytes=10-
 * ```
 */
export const OverwriteObjectRangeCommand = defineOperation<OverwriteObjectRangeInput, ObjectRangeWriteOutput>(
  {
    name: "OverwriteObjectRange",
    scope: "object",
    serialize: (input) => put(`bytes=${input.Offset}-`, input),
    deserialize: rangeWriteOutput,
  },
);
