/**
 * What the ObjectScale plugin adds to the S3 resources: the `creating-resource-class` handlers
 * for `Bucket`, `Object` and the service resource, and the pagination of `QueryObjects` that
 * `bucket.queryObjects()` collections follow.
 *
 * @module
 */
import "./types.js";
import type { EventEmitter } from "../../../lib/events/EventEmitter.js";
import { registerPagination } from "../../../lib/client/s3/paginators.js";
import { bucketClassHandler } from "./bucket.js";
import { objectClassHandler } from "./object.js";
import { QUERY_OBJECTS_PAGINATION } from "./queryObjects.js";
import { serviceResourceClassHandler } from "./serviceResource.js";

export type {
  QueryObjectsFilter,
  QueryObjectsCollection,
  ObjectScaleObjectData,
  RangeWriteOptions,
  AppendOptions,
} from "./types.js";

/**
 * Registers the resource-class handlers under `objectscale.resource-class.<Name>` unique ids (so
 * registering twice changes nothing) and the pagination of `QueryObjects`.
 *
 * @example
 * ```ts
 * registerResourceHandlers(session.events);
 * session.resource("s3").Bucket("b").queryObjects("Size>0"); // a collection of S3Objects
 * ```
 * @throws {@link EventRegistrationError} when `QueryObjects` was registered to page otherwise.
 * @internal
 */
export function registerResourceHandlers(events: EventEmitter): void {
  registerPagination("QueryObjects", QUERY_OBJECTS_PAGINATION);
  const id = (name: string) => ({ uniqueId: `objectscale.resource-class.${name}` });
  events.register("creating-resource-class.s3.Bucket", bucketClassHandler, id("Bucket"));
  events.register("creating-resource-class.s3.Object", objectClassHandler, id("Object"));
  events.register(
    "creating-resource-class.s3.ServiceResource",
    serviceResourceClassHandler,
    id("ServiceResource"),
  );
}
