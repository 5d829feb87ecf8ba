import { expect } from "chai";
import { batchAction, identifier, data } from "../../../../decorators/index.js";
import type { S3ServiceClient } from "../../../../index.js";
import type { BatchActionSpec } from "../../../../decorators/specs.js";
import type { BATCH_ACTIONS } from "../../../../lib/resources/types.js";
import type { CollectionItem, CollectionSource } from "../../../../lib/resources/collections/index.js";

/** A minimal resource-like item: identifiers, data, and a counted load. */
export interface FakeItem extends CollectionItem {
  readonly [BATCH_ACTIONS]?: { delete: typeof deleteObjects };
  readonly meta: { readonly identifiers: Record<string, string>; data: Record<string, unknown> | undefined };
  loads: number;
}

export function fakeItem(identifiers: Record<string, string>, itemData?: Record<string, unknown>): FakeItem {
  const item: FakeItem = {
    meta: { identifiers, data: itemData },
    loads: 0,
    load() {
      item.loads++;
      item.meta.data = { ETag: `"etag-${identifiers["key"]}"` };
      return Promise.resolve(item);
    },
  };
  return item;
}

/** DeleteObjects for object summaries, as `resources/s3/Object.ts` declares it. */
export const deleteObjects = batchAction(
  "DeleteObjects",
  { Bucket: identifier("bucketName"), "Delete.Objects[].Key": identifier("key") },
  { itemErrors: "Errors" },
);

/** The batch actions of the fake items. */
export const objectBatchActions: Readonly<Record<string, BatchActionSpec>> = { delete: deleteObjects };

/** DeleteObjects for object versions, as `resources/s3/ObjectVersion.ts` declares it. */
export const deleteVersions = batchAction(
  "DeleteObjects",
  {
    Bucket: identifier("bucketName"),
    "Delete.Objects[].Key": identifier("objectKey"),
    "Delete.Objects[].VersionId": identifier("id"),
  },
  { itemErrors: "Errors" },
);

/** A batch action whose per-item member comes from the item's data (loaded when missing). */
export const deleteByETag = batchAction(
  "DeleteObjects",
  {
    Bucket: identifier("bucketName"),
    "Delete.Objects[].Key": identifier("key"),
    "Delete.Objects[].ETag": data("ETag"),
  },
  { itemErrors: "Errors" },
);

/** Counts how often the parent's parameters were resolved. */
export interface Counted {
  paramCalls: number;
  built: number;
}

/**
 * `bucket("b").objects`: ListObjectsV2 with `Bucket` from the parent, items built from `Contents`
 * with `bucketName` taken from the request, as the real spec does.
 */
export function objectsSource(
  client: S3ServiceClient,
  overrides: Partial<CollectionSource<FakeItem, "ListObjectsV2">> = {},
): CollectionSource<FakeItem, "ListObjectsV2"> & { readonly counted: Counted } {
  const counted: Counted = { paramCalls: 0, built: 0 };
  return {
    client,
    operation: "ListObjectsV2",
    params: () => {
      counted.paramCalls++;
      return Promise.resolve({ Bucket: "b" });
    },
    buildItems: (output, request) => {
      const contents = (output as { Contents?: Array<{ Key?: string }> }).Contents ?? [];
      counted.built += contents.length;
      return contents.map((c) => fakeItem({ bucketName: String(request["Bucket"]), key: c.Key! }, { ...c }));
    },
    batchActions: objectBatchActions,
    description: "s3.Bucket(name='b').objects",
    counted,
    ...overrides,
  };
}

/** The keys of the items, in order. */
export async function keysFrom(iterable: AsyncIterable<CollectionItem>): Promise<string[]> {
  const keys: string[] = [];
  for await (const item of iterable) keys.push(item.meta.identifiers["key"]!);
  return keys;
}

/** Awaits a promise that must reject, and returns its error. */
export async function expectRejection(promise: Promise<unknown>, message: RegExp): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    expect(String(error)).to.match(message);
    return error;
  }
  expect.fail(`expected a rejection matching ${message}`);
}
