/**
 * Declaration merging that types what the ObjectScale plugin adds: its operations (in
 * `S3Operations`, hence `client.call`, the camelCase methods and the events), the `ObjectScale`
 * member of modelled inputs and outputs, and `client.paginateQueryObjects()`.
 *
 * The types are visible as soon as this package is imported; the members exist at run time once
 * the plugin is installed on the session (else `call` throws `UnknownOperationError`).
 *
 * @module
 */
import type { ObjectScaleInputMembers } from "./extensions.js";
import type { ObjectScaleResponseHeaders } from "./handlers/responseHeaders.js";
import type { QueryObjectsPaginateOptions } from "./handlers/clientClass.js";
import type { ObjectScaleOperations } from "./operations/index.js";
import type { QueryObjectsInput, QueryObjectsOutput } from "./operations/queryObjects.js";

/** The `ObjectScale` output member of one modelled operation. */
export interface ObjectScaleOutputMember {
  /** ObjectScale's response headers; absent when the response had none. */
  ObjectScale?: ObjectScaleResponseHeaders;
}

declare module "../../lib/client/s3/types.js" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the plugin's operations
  interface S3Operations extends ObjectScaleOperations {}

  interface S3InputExtensions {
    CreateBucket: { ObjectScale?: ObjectScaleInputMembers["CreateBucket"] };
    PutObject: { ObjectScale?: ObjectScaleInputMembers["PutObject"] };
    CopyObject: { ObjectScale?: ObjectScaleInputMembers["CopyObject"] };
    CreateMultipartUpload: { ObjectScale?: ObjectScaleInputMembers["CreateMultipartUpload"] };
  }

  interface S3OutputExtensions {
    HeadObject: ObjectScaleOutputMember;
    GetObject: ObjectScaleOutputMember;
    PutObject: ObjectScaleOutputMember;
    CopyObject: ObjectScaleOutputMember;
    CompleteMultipartUpload: ObjectScaleOutputMember;
    HeadBucket: ObjectScaleOutputMember;
  }
}

declare module "../../lib/client/ClientFactory.js" {
  interface S3ServiceClient {
    /**
     * Every page of a metadata query, following `NextMarker` (added by the ObjectScale plugin).
     *
     * @example
     * ```ts
     * for await (const page of client.paginateQueryObjects({ Bucket: "b", Query: "Size>0" })) {
     *   for (const o of page.Objects) console.log(o.ObjectName);
     * }
     * ```
     * @throws {@link PaginationError} when the server repeats a marker.
     */
    paginateQueryObjects(
      input: QueryObjectsInput,
      options?: QueryObjectsPaginateOptions,
    ): AsyncIterable<QueryObjectsOutput>;
  }
}
