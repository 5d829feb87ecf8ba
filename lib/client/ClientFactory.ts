import { buildClass } from "../classes/buildClass.js";
import { createClassAttributes } from "../classes/ClassAttributes.js";
import type { EventEmitter } from "../events/EventEmitter.js";
import { BaseClient, registerOperations, type ClientBaseClasses, type CommandClass } from "./BaseClient.js";
import type { ServiceName } from "./events.js";
import { s3Commands } from "./s3/operations.js";
import type { S3OperationMethods } from "./s3/types.js";

/**
 * The S3 client: one camelCase method per operation of `@aws-sdk/client-s3` (`putObject`,
 * `listObjectsV2`, ...), plus {@link BaseClient.call | call}, {@link BaseClient.paginate | paginate},
 * {@link BaseClient.waitFor | waitFor} and {@link BaseClient.meta | meta}.
 *
 * Methods that plugins add through `creating-client-class` are typed by declaration merging:
 *
 * @example
 * ```ts
 * declare module "objectscale-resources" {
 *   interface S3ServiceClient { ping(): Promise<boolean> }
 * }
 * session.events.register("creating-client-class.s3", ({ classAttributes }) => {
 *   classAttributes.ping = async function (this: S3ServiceClient) { ... };
 * });
 * ```
 */
export interface S3ServiceClient extends BaseClient, S3OperationMethods {}

/** The client type of each service. Plugins that add services extend it by declaration merging. */
export interface ServiceClients {
  s3: S3ServiceClient;
}

/** @internal */
export type ClientConstructor<S extends ServiceName> = new (meta: BaseClient["meta"]) => ServiceClients[S];

const serviceCommands: { readonly [S in ServiceName]: Readonly<Record<string, CommandClass>> } = {
  s3: s3Commands as unknown as Readonly<Record<string, CommandClass>>,
};

/**
 * Builds the client class of a service: the operation methods, then `creating-client-class`,
 * then the class. Called once per session and service; the session caches the result.
 *
 * @throws {@link ClassMemberConflictError} when a handler or mixin redefines a member.
 * @throws {@link InvalidClassDefinitionError} when a handler breaks `baseClasses`.
 * @internal
 */
export function buildClientClass<S extends ServiceName>(
  service: S,
  events: EventEmitter,
): ClientConstructor<S> {
  const className = `${service.toUpperCase()}ServiceClient`;
  const commands = serviceCommands[service];
  const methods: Record<string, unknown> = {};
  for (const operation of Object.keys(commands)) methods[lowerFirst(operation)] = operationMethod(operation);

  const baseClasses: ClientBaseClasses = [BaseClient];
  const inherited = (member: string): boolean =>
    member in ((baseClasses[0] ?? BaseClient).prototype as object);
  const classAttributes = createClassAttributes(className, methods, inherited);
  const operations = createClassAttributes(`${className} operations`, commands, () => false);

  events.emitDynamic(`creating-client-class.${service}`, {
    service,
    classAttributes,
    baseClasses,
    operations,
  });

  const Built = buildClass(className, BaseClient, baseClasses, classAttributes);
  registerOperations(Built.prototype, { ...(operations as Record<string, CommandClass>) });
  return Built as unknown as ClientConstructor<S>;
}

function operationMethod(operation: string) {
  // One shared shape for every operation: the name is captured, the rest is BaseClient.call.
  const method = function (this: BaseClient, input?: object, options?: object) {
    return this.call(operation as never, input as never, options);
  };
  Object.defineProperty(method, "name", { value: lowerFirst(operation) });
  return method;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
