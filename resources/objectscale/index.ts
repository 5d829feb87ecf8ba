/**
 * The ObjectScale plugin: ObjectScale's (Dell ECS) S3 extensions on the S3 client, and the
 * metadata-search expression builder.
 *
 * @module
 */
import "./types.js";

export { objectScale } from "./plugin.js";
export type { ObjectScalePlugin } from "./plugin.js";
export type { SessionPlugin } from "../../lib/SessionPlugin.js";
export { OBJECTSCALE_SESSION_DEFAULTS } from "./options.js";
export type {
  ObjectScaleOptions,
  ResolvedObjectScaleOptions,
  ObjectScaleSessionDefaults,
} from "./options.js";
export type { ObjectScaleOutputMember } from "./types.js";
export type {
  CreateBucketObjectScaleOptions,
  ObjectRetentionOptions,
  MetadataSearchKeySpec,
  ObjectScaleInputMembers,
} from "./extensions.js";
export type { ObjectScaleResponseHeaders } from "./handlers/responseHeaders.js";
export type { QueryObjectsPaginateOptions } from "./handlers/clientClass.js";
export type {
  QueryObjectsFilter,
  QueryObjectsCollection,
  ObjectScaleObjectData,
  RangeWriteOptions,
  AppendOptions,
} from "./resources/index.js";
export { objectScaleCommands } from "./operations/index.js";
export type {
  ObjectScaleOperations,
  ObjectScaleOperationName,
  ObjectScaleCommands,
} from "./operations/index.js";
export {
  ListSystemMetadataSearchKeysCommand,
  ListBucketMetadataSearchKeysCommand,
  DisableMetadataSearchCommand,
} from "./operations/searchKeys.js";
export type {
  MetadataSearchKeyInfo,
  ListSystemMetadataSearchKeysInput,
  ListSystemMetadataSearchKeysOutput,
  BucketMetadataSearchInput,
  ListBucketMetadataSearchKeysOutput,
  DisableMetadataSearchOutput,
} from "./operations/searchKeys.js";
export {
  QueryObjectsCommand,
  queryObjectsCommand,
  isLastQueryPage,
  LEGACY_LAST_PAGE_MARKER,
  DEFAULT_INCLUDE_OLDER_VERSIONS_PARAMETER,
} from "./operations/queryObjects.js";
export type { QueryObjectsInput, QueryObjectsOutput, QueryObject } from "./operations/queryObjects.js";
export {
  AppendObjectCommand,
  UpdateObjectRangeCommand,
  OverwriteObjectRangeCommand,
  byteLength,
} from "./operations/objectWrites.js";
export type {
  ObjectScaleBody,
  AppendObjectInput,
  AppendObjectOutput,
  UpdateObjectRangeInput,
  OverwriteObjectRangeInput,
  ObjectRangeWriteOutput,
} from "./operations/objectWrites.js";
export { ExtendRetentionPeriodCommand } from "./operations/retention.js";
export type { ExtendRetentionPeriodInput } from "./operations/retention.js";
export { SetStaleReadAllowedCommand, EnableObjectLockCommand } from "./operations/bucketSettings.js";
export type { SetStaleReadAllowedInput, EnableObjectLockInput } from "./operations/bucketSettings.js";
export { EmptyBucketCommand, GetEmptyBucketStatusCommand } from "./operations/emptyBucket.js";
export type {
  EmptyBucketInput,
  EmptyBucketOutput,
  EmptyBucketTaskStatus,
  GetEmptyBucketStatusOutput,
} from "./operations/emptyBucket.js";
export { PingCommand, ListDataNodesCommand } from "./operations/nodes.js";
export type {
  PingInput,
  PingItem,
  PingOutput,
  ListDataNodesInput,
  ListDataNodesOutput,
} from "./operations/nodes.js";
export { ListBucketsPagedCommand } from "./operations/listBucketsPaged.js";
export type { ListBucketsPagedInput, ListBucketsPagedOutput } from "./operations/listBucketsPaged.js";
export { CopyRangeCommand, copyRangeDocument } from "./operations/copyRange.js";
export type { CopyRangeInput, CopyRangeOutput, CopyRangeSegment } from "./operations/copyRange.js";
export {
  MetadataQuery,
  and,
  or,
  SEARCH_OPERATORS,
  SearchKey,
  searchKey,
  isSearchKeyName,
  SYSTEM_SEARCH_KEYS,
  SEARCH_DATATYPES,
} from "./query/index.js";
export type {
  SearchOperator,
  SearchCondition,
  SearchJunction,
  SearchNode,
  FormatOptions,
  SystemSearchKeyName,
  UserSearchKeyName,
  SearchDatatype,
  SearchValueTypes,
  QuoteStyle,
} from "./query/index.js";
