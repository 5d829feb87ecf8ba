/**
 * The event of the resource layer, declared into {@link EventMap} by declaration merging.
 *
 * | Event | Fires | Return value |
 * | --- | --- | --- |
 * | `creating-resource-class.<service>.<Name>` | once per session and resource type, just before the class exists | ignored; mutate `classAttributes` / `baseClasses` |
 *
 * @module
 */
import type { ClassAttributes } from "../classes/ClassAttributes.js";
import type { AnyClass } from "../classes/buildClass.js";
import type { ServiceName } from "../client/events.js";
import type { EventBase } from "../events/EventMap.js";

/**
 * The definition class first (the class written with the decorators, or a subclass of it), then
 * mixins whose prototype members are copied onto the built class.
 */
export type ResourceBaseClasses = AnyClass[];

/**
 * Payload of `creating-resource-class.<service>.<Name>`: what a plugin sees and may extend just
 * before a resource class is built (once per session and type).
 *
 * @example
 * ```ts
 * declare module "objectscale-resources" {
 *   interface Bucket { isEmpty(): Promise<boolean> }
 * }
 * session.events.register("creating-resource-class.s3.Bucket", ({ classAttributes }) => {
 *   classAttributes.isEmpty = async function (this: Bucket) {
 *     for await (const _ of this.objects.limit(1)) return false;
 *     return true;
 *   };
 * });
 * ```
 */
export interface CreatingResourceClassEvent extends EventBase {
  readonly service: ServiceName;
  /** The resource type, such as `Bucket` or `ServiceResource`. */
  readonly resourceName: string;
  /**
   * The generated methods (actions, waiters, sub-resources) by name. Adding is allowed; replacing
   * or deleting throws {@link ClassMemberConflictError}, as does adding a name that a getter
   * (identifier, attribute, reference, collection) or the definition class already has.
   */
  readonly classAttributes: ClassAttributes;
  /** The definition class first, then mixins; push mixins, or replace entry 0 with a subclass of it. */
  readonly baseClasses: ResourceBaseClasses;
}

declare module "../events/EventMap.js" {
  interface EventMap {
    "creating-resource-class": {
      segments: [ServiceName, string];
      keys: ["service", "resourceName"];
      payload: Omit<CreatingResourceClassEvent, "eventName">;
      result: void;
      sync: true;
    };
  }
}
