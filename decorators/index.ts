/**
 * The decorators and spec builders with which resource classes are declared.
 *
 * @module
 */
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
} from "./resource.js";
export type { IdentifierDefinition, ShapeDefinition, ResourceMetadata } from "./resource.js";
export { action, batchAction, waiter, collection, subresource, reference, load } from "./specs.js";
export type {
  ActionSpec,
  BatchActionSpec,
  WaiterSpec,
  CollectionSpec,
  RelationSpec,
  LoadSpec,
  ResourceTarget,
  ParamMap,
  TopLevel,
} from "./specs.js";
export { identifier, data, constant, requestParameter, response, input } from "./sources.js";
export type {
  IdentifierSource,
  DataSource,
  ConstantSource,
  RequestParameterSource,
  ResponseSource,
  InputSource,
  ParamSource,
  IdentifierValueSource,
} from "./sources.js";
