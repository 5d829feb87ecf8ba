/**
 * All buckets of the emulator, by namespace. Bucket names are unique within a namespace, as on ECS.
 *
 * @module
 */
import { errors } from "../http/S3Error.js";
import type { BucketState } from "./BucketState.js";

/** The in-memory bucket table. */
export class Store {
  readonly #namespaces = new Map<string, Map<string, BucketState>>();

  /** The bucket, or `undefined`. */
  find(namespace: string, name: string): BucketState | undefined {
    return this.#namespaces.get(namespace)?.get(name);
  }

  /**
   * The bucket.
   *
   * @throws S3Error `NoSuchBucket` (404) when it does not exist.
   */
  get(namespace: string, name: string): BucketState {
    const bucket = this.find(namespace, name);
    if (!bucket) throw errors.noSuchBucket(name);
    return bucket;
  }

  /** Adds (or replaces) a bucket in its namespace. */
  add(bucket: BucketState): void {
    let buckets = this.#namespaces.get(bucket.namespace);
    if (!buckets) {
      buckets = new Map();
      this.#namespaces.set(bucket.namespace, buckets);
    }
    buckets.set(bucket.name, bucket);
  }

  /** Removes exactly this bucket (not a newer one with the same name). */
  remove(bucket: BucketState): void {
    const buckets = this.#namespaces.get(bucket.namespace);
    if (buckets?.get(bucket.name) === bucket) buckets.delete(bucket.name);
  }

  /** The buckets of `namespace`, sorted by name. */
  list(namespace: string): BucketState[] {
    return [...(this.#namespaces.get(namespace)?.values() ?? [])].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  }

  /** Forgets every bucket and object. */
  clear(): void {
    this.#namespaces.clear();
  }
}
