/**
 * Dependency injection with inversify: {@link objectScaleResourcesModule} binds sessions, S3
 * clients and S3 service resources per named endpoint under {@link TOKENS}.
 *
 * @module
 */
export { TOKENS } from "./tokens.js";
export { objectScaleResourcesModule } from "./objectScaleResourcesModule.js";
export type {
  EndpointOptions,
  AsyncEndpointOptions,
  ObjectScaleResourcesModuleOptions,
} from "./objectScaleResourcesModule.js";
export { UnknownEndpointError } from "./UnknownEndpointError.js";
