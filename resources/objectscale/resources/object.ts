/**
 * The `creating-resource-class.s3.Object` handler: ObjectScale's partial writes and retention
 * extension as `S3Object` methods (each delegating to the client method, so every client event
 * fires), and the `objectScale` getter over the loaded data. Typed in `types.ts`.
 *
 * @module
 */
import type { CallOptions } from "../../../lib/client/s3/types.js";
import { ResourceNotLoadedError } from "../../../lib/errors.js";
import type { CreatingResourceClassEvent } from "../../../lib/resources/events.js";
import type { Resource, ResourceMeta } from "../../../lib/resources/Resource.js";
import type { S3Object } from "../../s3/Object.js";
import type { ObjectScaleBody } from "../operations/objectWrites.js";
import { addMethods } from "./methods.js";
import type { AppendOptions, ObjectScaleObjectData, RangeWriteOptions } from "./types.js";
import { UnexpectedResponseError } from "../../../lib/errors.js";

/** Marks the object's data stale once a write succeeded, as actions do. */
async function changing<T>(object: S3Object, call: Promise<T>): Promise<T> {
  const output = await call;
  object.meta.stale = true;
  return output;
}

/** The input members and the call options of a write's options. */
function split(
  options: AppendOptions | undefined,
): [{ ContentLength?: number; ContentType?: string }, CallOptions] {
  const { contentLength, contentType, ...call } = options ?? {};
  return [
    {
      ...(contentLength !== undefined ? { ContentLength: contentLength } : {}),
      ...(contentType !== undefined ? { ContentType: contentType } : {}),
    },
    call,
  ];
}

/** The input of a range write to `object`, and its call options. */
function rangeWrite(object: S3Object, offset: number, body: ObjectScaleBody, options?: RangeWriteOptions) {
  const [{ ContentLength }, call] = split(options);
  const input = { Bucket: object.bucketName, Key: object.key, Offset: offset, Body: body };
  return [ContentLength === undefined ? input : { ...input, ContentLength }, call] as const;
}

const objectMethods = {
  async append(this: S3Object, body: ObjectScaleBody, options?: AppendOptions) {
    const [input, call] = split(options);
    const request = { ...input, Bucket: this.bucketName, Key: this.key, Body: body };
    const output = await changing(this, this.meta.client.appendObject(request, call));
    if (output.AppendOffset === undefined) {
      throw new UnexpectedResponseError(
        "AppendObject",
        `the server sent no append offset for ${String(this)}: it is probably not ObjectScale, ` +
          `and a plain S3 server replaces the object instead of appending`,
      );
    }
    return output.AppendOffset;
  },
  writeRange(this: S3Object, offset: number, body: ObjectScaleBody, options?: RangeWriteOptions) {
    return changing(this, this.meta.client.updateObjectRange(...rangeWrite(this, offset, body, options)));
  },
  overwriteFrom(this: S3Object, offset: number, body: ObjectScaleBody, options?: RangeWriteOptions) {
    return changing(this, this.meta.client.overwriteObjectRange(...rangeWrite(this, offset, body, options)));
  },
  extendRetention(this: S3Object, seconds: number, options?: CallOptions) {
    const request = { Bucket: this.bucketName, Key: this.key, RetentionPeriod: seconds };
    return changing(this, this.meta.client.extendRetentionPeriod(request, options));
  },
};

/**
 * The mixin with the `objectScale` getter: a getter cannot be a class attribute, whose members
 * are plain values. Mixins hold behaviour only; `meta` is the resource's own.
 */
class ObjectScaleObjectMembers {
  declare readonly meta: ResourceMeta;

  get objectScale(): ObjectScaleObjectData | undefined {
    const data = this.meta.data;
    if (data === undefined) {
      throw new ResourceNotLoadedError((this as unknown as Resource).toString(), "objectScale", true);
    }
    return data["ObjectScale"] as ObjectScaleObjectData | undefined;
  }
}

/**
 * Adds `append`, `writeRange`, `overwriteFrom` and `extendRetention` to the session's `Object`
 * class, and the `objectScale` getter through a mixin.
 *
 * @example
 * ```ts
 * events.register("creating-resource-class.s3.Object", objectClassHandler);
 * ```
 * @throws {@link ClassMemberConflictError} when the class already has one of the names.
 * @internal
 */
export function objectClassHandler({
  classAttributes,
  baseClasses,
}: Pick<CreatingResourceClassEvent, "classAttributes" | "baseClasses">): void {
  addMethods(classAttributes, objectMethods);
  baseClasses.push(ObjectScaleObjectMembers);
}
