/**
 * The S3 `MultipartUpload` resource.
 *
 * @module
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- the interface of each class types the
   members the resource factory adds at run time, from the same specs the decorators record. */
import type { MultipartUpload as MultipartUploadShape } from "@aws-sdk/client-s3";
import {
  action,
  actions,
  attributes,
  collection,
  collections,
  identifier,
  identifiers,
  input,
  requestParameter,
  resource,
  response,
  subresource,
  subresources,
} from "../../decorators/index.js";
import { Resource } from "../../lib/resources/Resource.js";
import type {
  ActionMethods,
  Attributes,
  CollectionProperties,
  SubresourceMethods,
} from "../../lib/resources/types.js";

const thisUpload = {
  Bucket: identifier("bucketName"),
  Key: identifier("objectKey"),
  UploadId: identifier("id"),
} as const;

/** The actions of a {@link MultipartUpload}. */
export const multipartUploadActions = {
  /** AbortMultipartUpload: the parts uploaded so far are discarded. */
  abort: action("AbortMultipartUpload", thisUpload),
  /**
   * CompleteMultipartUpload with the caller's `MultipartUpload.Parts` (`PartNumber` and `ETag` of
   * each), returning the {@link S3Object} it created.
   */
  complete: action("CompleteMultipartUpload", thisUpload, {
    resource: {
      type: "Object",
      identifiers: { bucketName: identifier("bucketName"), key: identifier("objectKey") },
    },
  }),
};

/** The collections of a {@link MultipartUpload}: `parts` lists the parts uploaded so far (ListParts). */
export const multipartUploadCollections = {
  parts: collection("ListParts", thisUpload, {
    type: "MultipartUploadPart",
    identifiers: {
      bucketName: requestParameter("Bucket"),
      objectKey: requestParameter("Key"),
      multipartUploadId: requestParameter("UploadId"),
      partNumber: response("Parts[].PartNumber"),
    },
    path: "Parts[]",
  }),
};

/** The sub-resources of a {@link MultipartUpload}. */
export const multipartUploadSubresources = {
  Object: subresource("Object", { bucketName: identifier("bucketName"), key: identifier("objectKey") }),
  Part: subresource("MultipartUploadPart", {
    bucketName: identifier("bucketName"),
    objectKey: identifier("objectKey"),
    multipartUploadId: identifier("id"),
    partNumber: input(),
  }),
};

/**
 * A multipart upload in progress, identified by bucket, key and upload id. It has no load: its
 * attributes (`initiated`, `storageClass`, `initiator`, ...) are there when it comes from
 * `bucket.multipartUploads`.
 *
 * @example
 * ```ts
 * const upload = await s3.Object("media", "video.mp4").initiateMultipartUpload();
 * const { ETag } = await upload.Part("1").upload({ Body: chunk });
 * const video = await upload.complete({ MultipartUpload: { Parts: [{ PartNumber: 1, ETag }] } });
 * ```
 */
@resource("s3", "MultipartUpload")
@identifiers("bucketName", "objectKey", "id")
@attributes("ListMultipartUploads", "Uploads")
@actions(multipartUploadActions)
@collections(multipartUploadCollections)
@subresources(multipartUploadSubresources)
export class MultipartUpload extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
  /** The key of the object being uploaded. */
  declare readonly objectKey: string;
  /** The upload id. */
  declare readonly id: string;
}

export interface MultipartUpload
  extends
    Attributes<MultipartUploadShape>,
    ActionMethods<typeof multipartUploadActions>,
    CollectionProperties<typeof multipartUploadCollections>,
    SubresourceMethods<typeof multipartUploadSubresources> {}
