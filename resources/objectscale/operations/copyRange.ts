/**
 * Copy-range: a new object composed server-side from byte ranges of other objects, in one atomic
 * request (reference §11; ECS 3.6.2 and later, not for IAM users).
 *
 * @module
 */
import { createHash } from "node:crypto";
import { XmlNode } from "@aws-sdk/xml-builder";
import type { MetadataBearer } from "@smithy/types";
import { defineOperation } from "../../../lib/client/defineOperation.js";

/** One source of a copy-range. */
export interface CopyRangeSegment {
  /** The source bucket. */
  Bucket: string;
  /** The source key. */
  Key: string;
  /**
   * Byte ranges of the source, without `bytes=`: `start-end` or `start-`, several separated by
   * commas (at most 250).
   * @default "0-" (the whole object)
   */
  Range?: string;
  /** Precondition: the source's ETag must match (else `InvalidArgument`). */
  ETag?: string;
  /** SSE-C of an encrypted source. */
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
}

/** Input of `CopyRange`. */
export interface CopyRangeInput {
  /** The target bucket. */
  Bucket: string;
  /** The target key. */
  Key: string;
  /** The sources, in order (at most 250). */
  Segments: CopyRangeSegment[];
  /** The target's content type. */
  ContentType?: string;
  /** `shallow` or `deep` (the server's default, per Dell's tests, is deep). */
  CopyMode?: "shallow" | "deep";
}

/** Output of `CopyRange`. */
export interface CopyRangeOutput extends MetadataBearer {
  /** The new object's ETag. */
  ETag?: string;
}

/** The namespace of the request document (assumed from Dell's Java client; reference §15.9). */
const S3_XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

const SEGMENT_FIELDS = [
  ["ETag", "Etag"],
  ["Range", "Range"],
  ["SSECustomerAlgorithm", "SseCAlg"],
  ["SSECustomerKey", "SseCKey"],
  ["SSECustomerKeyMD5", "SseCKeyMD5"],
] as const;

/**
 * The `CopyRangeRequest` document of an input.
 *
 * @example
 * ```ts
 * copyRangeDocument({ Bucket: "t", Key: "k", Segments: [{ Bucket: "s", Key: "a" }] });
 * // <?xml ...?><CopyRangeRequest xmlns="..."><Segments><Segment><Path>s/a</Path><Range>0-</Range>...
 * ```
 */
export function copyRangeDocument(input: CopyRangeInput): string {
  const root = new XmlNode("CopyRangeRequest").addAttribute("xmlns", S3_XMLNS);
  if (input.ContentType !== undefined) root.c(XmlNode.of("ContentType", input.ContentType));
  const segments = new XmlNode("Segments");
  for (const source of input.Segments) {
    const segment = new XmlNode("Segment").c(XmlNode.of("Path", `${source.Bucket}/${source.Key}`));
    const withDefault = { ...source, Range: source.Range ?? "0-" };
    for (const [member, element] of SEGMENT_FIELDS) {
      const value = withDefault[member];
      if (value !== undefined) segment.c(XmlNode.of(element, value));
    }
    segments.c(segment);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>${root.c(segments).toString()}`;
}

/**
 * `PUT /{Bucket}/{Key}` with a `CopyRangeRequest` body, `x-emc-multipart-copy: true`,
 * `Content-MD5` and optionally `x-emc-copy-mode`. Atomic: on failure no target appears.
 *
 * @example
 * ```ts
 * await s3.send(new CopyRangeCommand({
 *   Bucket: "target", Key: "joined.bin",
 *   Segments: [{ Bucket: "src", Key: "part-1" }, { Bucket: "src", Key: "part-2", Range: "0-1023" }],
 * }));
 * ```
 */
export const CopyRangeCommand = defineOperation<CopyRangeInput, CopyRangeOutput>({
  name: "CopyRange",
  scope: "object",
  serialize: (input) => {
    const body = copyRangeDocument(input);
    const headers: Record<string, string> = {
      "content-type": "application/xml",
      "content-md5": createHash("md5").update(body, "utf8").digest("base64"),
      "x-emc-multipart-copy": "true",
    };
    if (input.CopyMode !== undefined) headers["x-emc-copy-mode"] = input.CopyMode;
    return { method: "PUT", headers, body };
  },
  deserialize: ({ headers }) => (headers["etag"] !== undefined ? { ETag: headers["etag"] } : {}),
});
