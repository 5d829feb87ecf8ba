/**
 * The error family of objectscale-resources.
 *
 * Every error the library raises on its own account extends {@link ObjectScaleResourcesError}: it
 * carries a machine-readable {@link ObjectScaleResourcesError.code | code}, a literal `name`, and the
 * underlying failure as `cause`. Errors that come from the server are the SDK's own
 * `S3ServiceException` subclasses and are passed through unchanged.
 *
 * @module
 */

export { ObjectScaleResourcesError } from "./errors/base.js";

export type { ErrorCode } from "./errors/base.js";

export {
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
} from "./errors/client.js";

export type { ValidationIssue } from "./errors/client.js";

export {
  ResourceNotLoadedError,
  MissingIdentifierError,
  UnknownResourceError,
  BatchError,
  InvalidIdentifierError,
  ResourceNotFoundError,
  UnexpectedResponseError,
} from "./errors/resources.js";

export type { BatchItemFailure } from "./errors/resources.js";

export { TransferError, TransferAbortedError, TransferIntegrityError } from "./errors/transfer.js";

export type { TransferErrorDetails } from "./errors/transfer.js";
