/**
 * The S3 `ObjectAcl` resource.
 *
 * @module
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- the interface of each class types the
   members the resource factory adds at run time, from the same specs the decorators record. */
import {
  action,
  actions,
  attributes,
  identifier,
  identifiers,
  load,
  loadWith,
  resource,
  subresource,
  subresources,
} from "../../decorators/index.js";
import type { S3Output } from "../../lib/client/s3/types.js";
import { Resource } from "../../lib/resources/Resource.js";
import type { ActionMethods, Attributes, SubresourceMethods } from "../../lib/resources/types.js";

const thisAcl = { Bucket: identifier("bucketName"), Key: identifier("objectKey") } as const;

/** How an {@link ObjectAcl} loads: GetObjectAcl. */
export const objectAclLoad = load("GetObjectAcl", thisAcl);

/** The actions of an {@link ObjectAcl}. */
export const objectAclActions = {
  /** PutObjectAcl: a canned `ACL` or an `AccessControlPolicy`. */
  put: action("PutObjectAcl", thisAcl),
};

/** The sub-resources of an {@link ObjectAcl}: its object. */
export const objectAclSubresources = {
  Object: subresource("Object", { bucketName: identifier("bucketName"), key: identifier("objectKey") }),
};

/**
 * An object's access control list: its `owner` and `grants`.
 *
 * @example
 * ```ts
 * const acl = obj.Acl();
 * await acl.put({ ACL: "public-read" });
 * await acl.load();
 * console.log(acl.grants?.map((g) => g.Permission));
 * ```
 */
@resource("s3", "ObjectAcl")
@identifiers("bucketName", "objectKey")
@attributes("GetObjectAcl")
@loadWith(objectAclLoad)
@actions(objectAclActions)
@subresources(objectAclSubresources)
export class ObjectAcl extends Resource {
  /** The name of the object's bucket. */
  declare readonly bucketName: string;
  /** The object's key. */
  declare readonly objectKey: string;
}

export interface ObjectAcl
  extends
    Attributes<S3Output<"GetObjectAcl">>,
    ActionMethods<typeof objectAclActions>,
    SubresourceMethods<typeof objectAclSubresources> {}
