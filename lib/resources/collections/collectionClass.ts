/**
 * Collection classes with batch methods: one class per distinct record of batch action specs
 * (that is, per item resource type), built the first time it is needed and reused for every
 * collection, page and call after that.
 *
 * @module
 */
import type { BatchActionSpec } from "../../../decorators/specs.js";
import { ClassMemberConflictError } from "../../errors.js";
import type { BatchOptions, BatchResult } from "../types.js";
import { Collection, RUN_BATCH, type CollectionState } from "./Collection.js";

/** @internal */
export type CollectionClass = new (state: CollectionState) => Collection;
type BatchSpecs = Readonly<Record<string, BatchActionSpec>>;

const classes = new WeakMap<BatchSpecs, CollectionClass>();

/**
 * The collection class for items whose batch actions are `specs`: {@link Collection} plus one
 * method per spec, `method(input?, options?)`.
 *
 * @throws {@link ClassMemberConflictError} when a batch action is named like a collection method.
 * @internal
 */
export function collectionClassFor(specs: BatchSpecs): CollectionClass {
  const cached = classes.get(specs);
  if (cached !== undefined) return cached;
  const names = Object.keys(specs);
  const Class: CollectionClass = names.length === 0 ? Collection : class extends Collection {};
  for (const name of names) {
    if (name in Collection.prototype || name === "constructor") {
      throw new ClassMemberConflictError(
        "ResourceCollection",
        name,
        "a collection method has that name; rename the batch action",
      );
    }
    const spec = specs[name]!;
    // A named function expression, so stack traces show `delete`, not an anonymous function.
    const method = {
      [name](
        this: Collection,
        input?: Readonly<Record<string, unknown>>,
        options?: BatchOptions,
      ): Promise<BatchResult> {
        return this[RUN_BATCH](spec, input, options);
      },
    }[name]!;
    Object.defineProperty(Class.prototype, name, { value: method, writable: true, configurable: true });
  }
  classes.set(specs, Class);
  return Class;
}
