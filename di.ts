/**
 * `objectscale-resources/di`: dependency injection with [inversify](https://inversify.io).
 * {@link objectScaleResourcesModule} binds a `Session`, an S3 client and an S3 service
 * resource per named endpoint under {@link TOKENS}.
 *
 * An entry of its own, so that only applications that use a container pay for importing
 * inversify; the main entry never loads it.
 *
 * @example
 * ```ts
 * import { Container } from "inversify";
 * import { TOKENS, objectScaleResourcesModule } from "objectscale-resources/di";
 *
 * const container = new Container();
 * container.load(objectScaleResourcesModule({ endpoints: { main: { region: "eu-west-1" } } }));
 * const s3 = container.get(TOKENS.S3Resource);
 * ```
 *
 * @module objectscale-resources/di
 */
import "reflect-metadata";

export { TOKENS, objectScaleResourcesModule, UnknownEndpointError } from "./lib/di/index.js";
export type {
  EndpointOptions,
  AsyncEndpointOptions,
  ObjectScaleResourcesModuleOptions,
} from "./lib/di/index.js";
