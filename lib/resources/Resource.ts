import { inspect } from "node:util";
import type { LoadSpec } from "../../decorators/specs.js";
import type { S3ServiceClient } from "../client/ClientFactory.js";
import type { CallOptions } from "../client/s3/types.js";
import { ResourceNotLoadedError } from "../errors.js";
import type { Session } from "../Session.js";
import { loadData } from "./load.js";

/**
 * What every resource knows about itself: its type, its identifiers, its client and its data.
 *
 * **Data policy.** `data` is replaced only by {@link Resource.load | load()} /
 * {@link Resource.reload | reload()}, or when the resource is built with item data from a
 * response (a collection page, an action that returns resources). Actions never discard it
 * (boto3 sets it to `None` after every action, so the next attribute read silently re-loads,
 * possibly another version of the object). Instead, an action whose operation mutates (any
 * operation whose name does not start with `Get`, `Head` or `List`) sets `stale` once it
 * succeeded; `load()` clears it.
 */
export interface ResourceMeta {
  /** The service, such as `"s3"`. */
  readonly service: string;
  /** The resource type, such as `"Bucket"`. */
  readonly resourceName: string;
  /** The client every request of this resource goes through, shared by the whole resource tree. */
  readonly client: S3ServiceClient;
  /** The identifiers by name, in declaration order. */
  readonly identifiers: Readonly<Record<string, string>>;
  /** The loaded data (SDK member names, without `$metadata`), or `undefined` before the first load. */
  data: Readonly<Record<string, unknown>> | undefined;
  /** True when a mutating action succeeded since `data` was set: `data` may be out of date. */
  stale: boolean;
  /** The session the resource was created from. */
  readonly session: Session;
}

/** The serializable form of a resource: what {@link Session.resourceFromJSON} rebuilds it from. */
export interface ResourceJSON {
  /** The service, such as `"s3"`. */
  service: string;
  /** The resource type name, such as `"Object"` (not the class name `S3Object`). */
  type: string;
  /** The identifiers by name. */
  identifiers: Record<string, string>;
}

/**
 * Key under which the resource factory attaches per-class information to each built class.
 *
 * @internal
 */
export const RESOURCE_CLASS = Symbol("objectscale-resources.resource-class");

/**
 * Per-class information the factory attaches to a built class's prototype.
 *
 * @internal
 */
export interface ResourceClassInfo {
  /** The load spec, if the type can load. */
  readonly load: LoadSpec | undefined;
}

/**
 * Base class of every resource (`s3.Bucket`, `s3.Object`, the service resource).
 *
 * Resource types are declared with the decorators on a class extending `Resource`; the session's
 * resource factory builds the concrete class from it once per session, adding identifier and
 * attribute getters, action, waiter and sub-resource methods, reference getters and collection
 * properties. Methods you write on the definition class are kept.
 *
 * Resources are created by their parents (`s3.Bucket("logs")`, `bucket.Object("a.txt")`), by
 * actions and collections, or by {@link Session.resourceFromJSON}; never with `new`.
 *
 * Identifiers are read-only. Attributes are synchronous getters over the loaded data: reading one
 * before the data is there throws {@link ResourceNotLoadedError} instead of making a hidden
 * request. See {@link ResourceMeta} for when data is replaced and when it is marked stale.
 *
 * Declare identifiers and attributes on the definition class with `declare` (or through an
 * interface), never as initialized fields: a class field would hide the generated getter.
 *
 * @example
 * ```ts
 * const s3 = session.resource("s3");
 * const object = s3.Bucket("logs").Object("2026/01/app.log");
 * await object.load();
 * console.log(object.contentLength, object.eTag, object.meta.stale); // 1024 '"…"' false
 * await object.put({ Body: "…" });
 * console.log(object.meta.stale); // true: the data is kept, but may be out of date
 * ```
 */
export class Resource {
  /** The resource's type, identifiers, client and data. */
  readonly meta: ResourceMeta;

  /**
   * Resources are built by the factory; call the parent's sub-resource method instead.
   *
   * @internal
   */
  constructor(meta: ResourceMeta) {
    this.meta = meta;
  }

  /**
   * Fetches the resource's data with its load operation (`HeadObject` for an object) and replaces
   * `meta.data` with it; clears `meta.stale`. Every request event of the client fires.
   *
   * @returns This resource, so `await bucket.Object(k).load()` reads naturally.
   * @throws {@link ResourceNotLoadedError} when the type has no load operation.
   * @throws {@link ResourceNotFoundError} when the response does not contain this resource (a
   *   bucket missing from `ListBuckets`).
   * @throws The SDK's errors for failed requests (`NotFound`, `AccessDenied`, ...).
   *
   * @example
   * ```ts
   * const object = await bucket.Object("a.txt").load({ abortSignal: AbortSignal.timeout(5_000) });
   * ```
   */
  async load(options?: CallOptions): Promise<this> {
    const spec = (this as unknown as { [RESOURCE_CLASS]?: ResourceClassInfo })[RESOURCE_CLASS]?.load;
    if (spec === undefined) throw new ResourceNotLoadedError(this.toString(), "load()", false);
    const data = await loadData(this, spec, options);
    this.meta.data = data;
    this.meta.stale = false;
    return this;
  }

  /**
   * The same as {@link Resource.load | load()}: always makes the request. Kept for boto3 users.
   *
   * @throws As {@link Resource.load | load()}.
   * @example
   * ```ts
   * await object.reload();
   * ```
   */
  reload(options?: CallOptions): Promise<this> {
    return this.load(options);
  }

  /**
   * True when `other` is a resource of the same service and type with equal identifiers. Data,
   * client and session are ignored, as is the concrete class (two sessions build two classes).
   *
   * @example
   * ```ts
   * s3.Bucket("logs").equals(other.Bucket("logs")); // true
   * ```
   */
  equals(other: unknown): boolean {
    if (!(other instanceof Resource)) return false;
    const a = this.meta;
    const b = other.meta;
    if (a.service !== b.service || a.resourceName !== b.resourceName) return false;
    const names = Object.keys(a.identifiers);
    if (names.length !== Object.keys(b.identifiers).length) return false;
    return names.every((name) => a.identifiers[name] === b.identifiers[name]);
  }

  /**
   * The serializable form: service, type and identifiers. No data, no client, no credentials.
   *
   * @example
   * ```ts
   * JSON.stringify(bucket); // {"service":"s3","type":"Bucket","identifiers":{"name":"logs"}}
   * ```
   */
  toJSON(): ResourceJSON {
    return {
      service: this.meta.service,
      type: this.meta.resourceName,
      identifiers: { ...this.meta.identifiers },
    };
  }

  /**
   * The readable form, as boto3 prints it: `s3.Object(bucketName='b', key='k')`.
   *
   * @example
   * ```ts
   * `${bucket}`; // "s3.Bucket(name='logs')"
   * ```
   */
  toString(): string {
    const { service, resourceName, identifiers } = this.meta;
    const fields = Object.keys(identifiers).map((name) => `${name}=${quote(identifiers[name]!)}`);
    return `${service}.${resourceName}(${fields.join(", ")})`;
  }

  /** @internal */
  [inspect.custom](): string {
    return this.toString();
  }
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
