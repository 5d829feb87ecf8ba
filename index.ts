/**
 * objectscale-resources: an object-oriented, typed resource layer and botocore-style event system
 * for S3 and Dell ObjectScale, on top of `@aws-sdk/client-s3`.
 *
 * @example
 * ```ts
 * import { Session } from "objectscale-resources";
 *
 * const session = new Session({ endpoint: "http://127.0.0.1:7480", forcePathStyle: true });
 * session.events.register("provide-client-params.s3.ListObjectsV2", ({ params }) => {
 *   params.Bucket ??= "logs";
 * });
 * const page = await session.client("s3").listObjectsV2({ Prefix: "2026/" } as { Bucket: string });
 * ```
 *
 * Dependency injection with inversify is a separate entry, `objectscale-resources/di`, so that
 * importing this one does not load inversify; the in-process emulator is
 * `objectscale-resources/testing`.
 *
 * @module objectscale-resources
 */
import "reflect-metadata";

export { Session } from "./lib/Session.js";
export type {
  SessionOptions,
  ClientOptions,
  SdkClientOptions,
  ResourceOptions,
  ServiceResourceType,
  ResourceTypeOf,
} from "./lib/Session.js";

export { BaseClient } from "./lib/client/BaseClient.js";
export type { ClientMeta, ClientBaseClasses, CommandClass } from "./lib/client/BaseClient.js";
export type { S3ServiceClient, ServiceClients } from "./lib/client/ClientFactory.js";
export type {
  Services,
  ServiceName,
  RequestContext,
  HttpResponseInit,
  CreatingClientClassEvent,
  ProvideClientParamsEvent,
  BeforeParameterBuildEvent,
  BeforeCallEvent,
  RequestAttemptEvent,
  AfterCallEvent,
  AfterCallErrorEvent,
} from "./lib/client/events.js";
export type {
  S3Operations,
  S3OperationName,
  S3Input,
  S3Output,
  S3ProvidedParams,
  S3ClientInput,
  S3ClientOutput,
  S3InputExtensions,
  S3OutputExtensions,
  S3MethodArgs,
  S3OperationMethods,
  CallOptions,
} from "./lib/client/s3/types.js";
export type { PaginatedOperation, PaginateOptions, PaginationSpec } from "./lib/client/s3/paginators.js";
export { registerPagination } from "./lib/client/s3/paginators.js";
export type { WaiterName, WaiterInput, WaiterResult, WaitOptions } from "./lib/client/s3/waiters.js";

export { defineOperation } from "./lib/client/defineOperation.js";
export type {
  OperationScope,
  OperationRequest,
  OperationResponse,
  OperationSpec,
  OperationCommand,
  XmlValue,
  XmlObject,
} from "./lib/client/defineOperation.js";

export {
  objectScale,
  OBJECTSCALE_SESSION_DEFAULTS,
  objectScaleCommands,
  MetadataQuery,
  SearchKey,
  searchKey,
  isSearchKeyName,
  SEARCH_OPERATORS,
  SEARCH_DATATYPES,
  SYSTEM_SEARCH_KEYS,
  ListSystemMetadataSearchKeysCommand,
  ListBucketMetadataSearchKeysCommand,
  DisableMetadataSearchCommand,
  QueryObjectsCommand,
  queryObjectsCommand,
  isLastQueryPage,
  LEGACY_LAST_PAGE_MARKER,
  DEFAULT_INCLUDE_OLDER_VERSIONS_PARAMETER,
  AppendObjectCommand,
  UpdateObjectRangeCommand,
  OverwriteObjectRangeCommand,
  ExtendRetentionPeriodCommand,
  SetStaleReadAllowedCommand,
  EnableObjectLockCommand,
  EmptyBucketCommand,
  GetEmptyBucketStatusCommand,
  PingCommand,
  ListDataNodesCommand,
  ListBucketsPagedCommand,
  CopyRangeCommand,
} from "./resources/objectscale/index.js";
export type {
  SessionPlugin,
  ObjectScalePlugin,
  ObjectScaleOptions,
  ResolvedObjectScaleOptions,
  ObjectScaleSessionDefaults,
  ObjectScaleOutputMember,
  ObjectScaleResponseHeaders,
  ObjectScaleInputMembers,
  CreateBucketObjectScaleOptions,
  ObjectRetentionOptions,
  MetadataSearchKeySpec,
  QueryObjectsPaginateOptions,
  ObjectScaleOperations,
  ObjectScaleOperationName,
  ObjectScaleCommands,
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
  MetadataSearchKeyInfo,
  ListSystemMetadataSearchKeysInput,
  ListSystemMetadataSearchKeysOutput,
  BucketMetadataSearchInput,
  ListBucketMetadataSearchKeysOutput,
  DisableMetadataSearchOutput,
  QueryObjectsInput,
  QueryObjectsOutput,
  QueryObject,
  ObjectScaleBody,
  AppendObjectInput,
  AppendObjectOutput,
  UpdateObjectRangeInput,
  OverwriteObjectRangeInput,
  ObjectRangeWriteOutput,
  ExtendRetentionPeriodInput,
  SetStaleReadAllowedInput,
  EnableObjectLockInput,
  EmptyBucketInput,
  EmptyBucketOutput,
  EmptyBucketTaskStatus,
  GetEmptyBucketStatusOutput,
  PingInput,
  PingItem,
  PingOutput,
  ListDataNodesInput,
  ListDataNodesOutput,
  ListBucketsPagedInput,
  ListBucketsPagedOutput,
  CopyRangeInput,
  CopyRangeOutput,
  CopyRangeSegment,
  QueryObjectsFilter,
  QueryObjectsCollection,
  ObjectScaleObjectData,
  RangeWriteOptions,
  AppendOptions,
} from "./resources/objectscale/index.js";
export type { ClassAttributes } from "./lib/classes/ClassAttributes.js";
export type { AnyClass } from "./lib/classes/buildClass.js";

export { Resource } from "./lib/resources/Resource.js";
export type { ResourceMeta, ResourceJSON } from "./lib/resources/Resource.js";
export { ResourceRegistry } from "./lib/resources/ResourceRegistry.js";
export type { ResourceDefinitionClass } from "./lib/resources/ResourceRegistry.js";
export type { CreatingResourceClassEvent, ResourceBaseClasses } from "./lib/resources/events.js";
export type {
  ResourceTypes,
  ResourceOf,
  Attributes,
  ActionResult,
  ActionMethod,
  ActionMethods,
  BatchOptions,
  BatchResult,
  BatchMethod,
  BatchMethods,
  WaiterMethod,
  WaiterMethods,
  SubresourceMethod,
  SubresourceMethods,
  ReferenceGetters,
  BatchSpecsOf,
  BATCH_ACTIONS,
  CollectionPage,
  ResourceCollectionBase,
  ResourceCollection,
  CollectionProperties,
} from "./lib/resources/types.js";
export {
  s3ResourceDefinitions,
  S3ServiceResource,
  Bucket,
  BucketAcl,
  BucketCors,
  BucketLifecycle,
  BucketLifecycleConfiguration,
  BucketLogging,
  BucketNotification,
  BucketPolicy,
  BucketRequestPayment,
  BucketTagging,
  BucketVersioning,
  BucketWebsite,
  MultipartUpload,
  MultipartUploadPart,
  S3Object,
  ObjectAcl,
  ObjectSummary,
  ObjectVersion,
} from "./resources/s3/index.js";
export {
  resource,
  identifiers,
  attributes,
  loadWith,
  actions,
  batchActions,
  waiters,
  collections,
  subresources,
  references,
  getResourceMetadata,
  RESOURCE_METADATA,
  action,
  batchAction,
  waiter,
  collection,
  subresource,
  reference,
  load,
  identifier,
  data,
  constant,
  requestParameter,
  response,
  input,
} from "./decorators/index.js";
export type {
  IdentifierDefinition,
  ShapeDefinition,
  ResourceMetadata,
  ActionSpec,
  BatchActionSpec,
  WaiterSpec,
  CollectionSpec,
  RelationSpec,
  LoadSpec,
  ResourceTarget,
  ParamMap,
  TopLevel,
  IdentifierSource,
  DataSource,
  ConstantSource,
  RequestParameterSource,
  ResponseSource,
  InputSource,
  ParamSource,
  IdentifierValueSource,
} from "./decorators/index.js";

export { EventEmitter } from "./lib/events/index.js";
export type {
  Disposer,
  RegisterOptions,
  UnregisterOptions,
  EventEmitterOptions,
  PatternHandler,
  Section,
  IsSync,
  KindOf,
  SpecOf,
  EventMap,
  EventSpec,
  EventKind,
  EventPattern,
  FullEventName,
  EventBase,
  PayloadOf,
  ResultOf,
  EventHandler,
  EmitPayload,
  SyncEventName,
  AnyEventPattern,
  AnyEventName,
} from "./lib/events/index.js";

export { validateParams, registerValidator } from "./lib/validation/index.js";
export type { DtoClass } from "./lib/validation/index.js";

export {
  ObjectScaleResourcesError,
  ValidationError,
  ClassMemberConflictError,
  InvalidClassDefinitionError,
  AsyncHandlerError,
  EventRegistrationError,
  UnknownServiceError,
  UnknownOperationError,
  WaiterFailedError,
  WaiterTimeoutError,
  PaginationError,
  ResourceNotLoadedError,
  MissingIdentifierError,
  InvalidIdentifierError,
  UnknownResourceError,
  ResourceNotFoundError,
  BatchError,
  UnexpectedResponseError,
  TransferError,
  TransferAbortedError,
  TransferIntegrityError,
} from "./lib/errors.js";
export type { ErrorCode, ValidationIssue, BatchItemFailure, TransferErrorDetails } from "./lib/errors.js";

export { transfers } from "./lib/transfer/plugin.js";
export { TRANSFER_DEFAULTS, MULTIPART_LIMITS, planParts } from "./lib/transfer/config.js";
export type { TransferConfig, PartPlan } from "./lib/transfer/config.js";
export type { TransferDirection, TransferProgress, TransferProgressEvent } from "./lib/transfer/events.js";
export type {
  TransferOptions,
  UploadOptions,
  UploadStreamOptions,
  UploadParams,
  UploadBody,
  DownloadOptions,
  DownloadParams,
  CopyOptions,
  CopySource,
  TransferResult,
} from "./lib/transfer/options.js";

export { SmartClient } from "./lib/smart/SmartClient.js";
export type { SmartClientStats } from "./lib/smart/SmartClient.js";
export { SMART_CLIENT_DEFAULTS } from "./lib/smart/options.js";
export type { SmartClientOptions, HostsProvider, DiscoveryContext } from "./lib/smart/options.js";
export { LATENCY_WINDOW } from "./lib/smart/SmartNode.js";
export type { SmartNodeStats, LatencyStats, HealthCheckResult } from "./lib/smart/SmartNode.js";
export type { SmartClientNodeEvent, SmartClientNodeEventPayload, RotationChangeReason } from "./lib/smart/events.js";
export { SmartClientConfigError, SessionClosedError } from "./lib/smart/errors.js";
