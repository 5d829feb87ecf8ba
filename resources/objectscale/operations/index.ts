/**
 * The operations the ObjectScale plugin adds to the S3 client: their command classes and their
 * input and output types by operation name.
 *
 * @module
 */
import type { MetadataBearer } from "@smithy/types";
import type { OperationCommand } from "../../../lib/client/defineOperation.js";
import { EnableObjectLockCommand, SetStaleReadAllowedCommand } from "./bucketSettings.js";
import type { EnableObjectLockInput, SetStaleReadAllowedInput } from "./bucketSettings.js";
import { CopyRangeCommand, type CopyRangeInput, type CopyRangeOutput } from "./copyRange.js";
import { EmptyBucketCommand, GetEmptyBucketStatusCommand } from "./emptyBucket.js";
import type { EmptyBucketInput, EmptyBucketOutput, GetEmptyBucketStatusOutput } from "./emptyBucket.js";
import {
  ListBucketsPagedCommand,
  type ListBucketsPagedInput,
  type ListBucketsPagedOutput,
} from "./listBucketsPaged.js";
import { ListDataNodesCommand, PingCommand } from "./nodes.js";
import type { ListDataNodesInput, ListDataNodesOutput, PingInput, PingOutput } from "./nodes.js";
import {
  AppendObjectCommand,
  OverwriteObjectRangeCommand,
  UpdateObjectRangeCommand,
} from "./objectWrites.js";
import type {
  AppendObjectInput,
  AppendObjectOutput,
  ObjectRangeWriteOutput,
  OverwriteObjectRangeInput,
  UpdateObjectRangeInput,
} from "./objectWrites.js";
import { queryObjectsCommand, type QueryObjectsInput, type QueryObjectsOutput } from "./queryObjects.js";
import { ExtendRetentionPeriodCommand, type ExtendRetentionPeriodInput } from "./retention.js";
import {
  DisableMetadataSearchCommand,
  ListBucketMetadataSearchKeysCommand,
  ListSystemMetadataSearchKeysCommand,
} from "./searchKeys.js";
import type {
  BucketMetadataSearchInput,
  DisableMetadataSearchOutput,
  ListBucketMetadataSearchKeysOutput,
  ListSystemMetadataSearchKeysInput,
  ListSystemMetadataSearchKeysOutput,
} from "./searchKeys.js";

/**
 * The added operations with their inputs and outputs. The plugin merges this into
 * `S3Operations`, which types `client.call(...)`, the camelCase methods and the events.
 */
export interface ObjectScaleOperations {
  ListSystemMetadataSearchKeys: {
    input: ListSystemMetadataSearchKeysInput;
    output: ListSystemMetadataSearchKeysOutput;
  };
  ListBucketMetadataSearchKeys: {
    input: BucketMetadataSearchInput;
    output: ListBucketMetadataSearchKeysOutput;
  };
  DisableMetadataSearch: { input: BucketMetadataSearchInput; output: DisableMetadataSearchOutput };
  QueryObjects: { input: QueryObjectsInput; output: QueryObjectsOutput };
  AppendObject: { input: AppendObjectInput; output: AppendObjectOutput };
  UpdateObjectRange: { input: UpdateObjectRangeInput; output: ObjectRangeWriteOutput };
  OverwriteObjectRange: { input: OverwriteObjectRangeInput; output: ObjectRangeWriteOutput };
  ExtendRetentionPeriod: { input: ExtendRetentionPeriodInput; output: MetadataBearer };
  SetStaleReadAllowed: { input: SetStaleReadAllowedInput; output: MetadataBearer };
  EmptyBucket: { input: EmptyBucketInput; output: EmptyBucketOutput };
  GetEmptyBucketStatus: { input: EmptyBucketInput; output: GetEmptyBucketStatusOutput };
  Ping: { input: PingInput; output: PingOutput };
  ListDataNodes: { input: ListDataNodesInput; output: ListDataNodesOutput };
  ListBucketsPaged: { input: ListBucketsPagedInput; output: ListBucketsPagedOutput };
  CopyRange: { input: CopyRangeInput; output: CopyRangeOutput };
  EnableObjectLock: { input: EnableObjectLockInput; output: MetadataBearer };
}

/** The name of an added operation, such as `QueryObjects`. */
export type ObjectScaleOperationName = keyof ObjectScaleOperations;

/** The command class of each added operation. */
export type ObjectScaleCommands = {
  readonly [Op in ObjectScaleOperationName]: OperationCommand<
    ObjectScaleOperations[Op]["input"],
    ObjectScaleOperations[Op]["output"]
  >;
};

/**
 * The command classes, with `QueryObjects` spelling its older-versions parameter as configured.
 *
 * @example
 * ```ts
 * const { QueryObjects } = objectScaleCommands({ includeOlderVersionsParameter: "include-older-versions" });
 * ```
 */
export function objectScaleCommands(options: { includeOlderVersionsParameter: string }): ObjectScaleCommands {
  return {
    ListSystemMetadataSearchKeys: ListSystemMetadataSearchKeysCommand,
    ListBucketMetadataSearchKeys: ListBucketMetadataSearchKeysCommand,
    DisableMetadataSearch: DisableMetadataSearchCommand,
    QueryObjects: queryObjectsCommand(options.includeOlderVersionsParameter),
    AppendObject: AppendObjectCommand,
    UpdateObjectRange: UpdateObjectRangeCommand,
    OverwriteObjectRange: OverwriteObjectRangeCommand,
    ExtendRetentionPeriod: ExtendRetentionPeriodCommand,
    SetStaleReadAllowed: SetStaleReadAllowedCommand,
    EmptyBucket: EmptyBucketCommand,
    GetEmptyBucketStatus: GetEmptyBucketStatusCommand,
    Ping: PingCommand,
    ListDataNodes: ListDataNodesCommand,
    ListBucketsPaged: ListBucketsPagedCommand,
    CopyRange: CopyRangeCommand,
    EnableObjectLock: EnableObjectLockCommand,
  };
}
