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
 * @packageDocumentation
 */
import "reflect-metadata";

export { Session } from "./lib/Session.js";
export type { SessionOptions, ClientOptions, SdkClientOptions } from "./lib/Session.js";

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
export type { PaginatedOperation, PaginateOptions } from "./lib/client/s3/paginators.js";
export type { WaiterName, WaiterInput, WaiterResult, WaitOptions } from "./lib/client/s3/waiters.js";
export type { ClassAttributes } from "./lib/classes/ClassAttributes.js";
export type { AnyClass } from "./lib/classes/buildClass.js";

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
} from "./lib/errors.js";
export type { ErrorCode, ValidationIssue } from "./lib/errors.js";
