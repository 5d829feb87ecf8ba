/**
 * The S3 `MultipartUploadPart` resource.
 *
 * @module
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- the interface of each class types the
   members the resource factory adds at run time, from the same specs the decorators record. */
import type { Part as PartShape } from "@aws-sdk/client-s3";
import {
  action,
  actions,
  attributes,
  identifier,
  identifiers,
  resource,
  subresource,
  subresources,
} from "../../decorators/index.js";
import { Resource } from "../../lib/resources/Resource.js";
import type { ActionMethods, Attributes, SubresourceMethods } from "../../lib/resources/types.js";

const thisPart = {
  Bucket: identifier("bucketName"),
  Key: identifier("objectKey"),
  UploadId: identifier("multipartUploadId"),
  PartNumber: identifier("partNumber"),
} as const;

/** The actions of a {@link MultipartUploadPart}. */
export const multipartUploadPartActions = {
  /** UploadPartCopy: this part's content from the caller's `CopySource` (and `CopySourceRange`). */
  copyFrom: action("UploadPartCopy", thisPart),
  /** UploadPart: this part's content from `Body`. Keep the output's `ETag` for `complete()`. */
  upload: action("UploadPart", thisPart),
};

/** The sub-resources of a {@link MultipartUploadPart}: its upload. */
export const multipartUploadPartSubresources = {
  MultipartUpload: subresource("MultipartUpload", {
    bucketName: identifier("bucketName"),
    objectKey: identifier("objectKey"),
    id: identifier("multipartUploadId"),
  }),
};

/**
 * One part of a multipart upload, identified by bucket, key, upload id and part number. It has no
 * load: its attributes (`eTag`, `size`, `lastModified`) are there when it comes from
 * `upload.parts`. `partNumber` is both the last identifier and the shape's `PartNumber` member
 * (its `memberName`), so there is one `partNumber`, the identifier.
 *
 * @example
 * ```ts
 * const part = upload.Part("2");
 * const { ETag } = await part.copyFrom({ CopySource: "media/source.bin", CopySourceRange: "bytes=0-5242879" });
 * ```
 */
@resource("s3", "MultipartUploadPart")
@identifiers("bucketName", "objectKey", "multipartUploadId", { name: "partNumber", memberName: "partNumber" })
@attributes("ListParts", "Parts")
@actions(multipartUploadPartActions)
@subresources(multipartUploadPartSubresources)
export class MultipartUploadPart extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
  /** The key of the object being uploaded. */
  declare readonly objectKey: string;
  /** The id of the upload this part belongs to. */
  declare readonly multipartUploadId: string;
  /** The part's number, from 1 to 10,000 (identifiers are strings). */
  declare readonly partNumber: string;
}

export interface MultipartUploadPart
  extends
    Attributes<Omit<PartShape, "PartNumber">>,
    ActionMethods<typeof multipartUploadPartActions>,
    SubresourceMethods<typeof multipartUploadPartSubresources> {}
