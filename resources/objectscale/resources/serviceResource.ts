/**
 * The `creating-resource-class.s3.ServiceResource` handler: ObjectScale's service-level calls as
 * methods of the service resource, each delegating to the client method. Typed in `types.ts`.
 *
 * @module
 */
import type { CallOptions } from "../../../lib/client/s3/types.js";
import type { CreatingResourceClassEvent } from "../../../lib/resources/events.js";
import type { S3ServiceResource } from "../../s3/ServiceResource.js";
import { addMethods } from "./methods.js";

const serviceMethods = {
  ping(this: S3ServiceResource, node?: string, options?: CallOptions) {
    return this.meta.client.ping(node === undefined ? {} : { Node: node }, options);
  },
  dataNodes(this: S3ServiceResource, options?: CallOptions) {
    return this.meta.client.listDataNodes({}, options);
  },
  systemMetadataSearchKeys(this: S3ServiceResource, options?: CallOptions) {
    return this.meta.client.listSystemMetadataSearchKeys({}, options);
  },
};

/**
 * Adds `ping`, `dataNodes` and `systemMetadataSearchKeys` to the session's service resource.
 *
 * @example
 * ```ts
 * events.register("creating-resource-class.s3.ServiceResource", serviceResourceClassHandler);
 * ```
 * @throws {@link ClassMemberConflictError} when the class already has one of the names.
 * @internal
 */
export function serviceResourceClassHandler({
  classAttributes,
}: Pick<CreatingResourceClassEvent, "classAttributes">): void {
  addMethods(classAttributes, serviceMethods);
}
