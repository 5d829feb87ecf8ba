import { ContainerModule, type BindingConstraints, type ResolutionContext } from "inversify";
import { Session, type SessionOptions } from "../Session.js";
import type { S3ServiceClient } from "../client/ClientFactory.js";
import type { S3ServiceResource } from "../../resources/s3/ServiceResource.js";
import { TOKENS } from "./tokens.js";
import { UnknownEndpointError } from "./UnknownEndpointError.js";

/** Settings an endpoint may resolve asynchronously at startup: any session setting but plugins and definitions. */
export type AsyncEndpointOptions = Omit<SessionOptions, "plugins" | "resourceDefinitions">;

/**
 * One endpoint of {@link objectScaleResourcesModule}: the options of its {@link Session}, plus
 * settings that can only be known asynchronously.
 *
 * @example
 * ```ts
 * const archive: EndpointOptions = {
 *   endpoint: "https://ecs.example.com:9021",
 *   forcePathStyle: true,
 *   plugins: [objectScale({ namespace: "ns1" })],
 *   asyncOptions: async () => ({ credentials: await vault.s3Keys("archive") }),
 * };
 * ```
 */
export interface EndpointOptions extends SessionOptions {
  /**
   * Settings resolved once, when the endpoint's session is first resolved, and merged over the
   * others: credentials that must be fetched (and checked) at startup, say. The context lets it
   * resolve your own services (`context.getAsync(SecretStore)`).
   *
   * An endpoint with `asyncOptions` is asynchronous: resolve its tokens, and anything injected
   * with them, through `container.getAsync(...)`; `container.get(...)` throws inversify's
   * "Unexpected asynchronous service" error. A credential *provider* in `credentials` needs none of
   * this: the SDK calls it lazily, before the first request.
   *
   * @default undefined (the endpoint resolves synchronously)
   */
  asyncOptions?: (context: ResolutionContext) => Promise<AsyncEndpointOptions>;
}

/** Options of {@link objectScaleResourcesModule}. */
export interface ObjectScaleResourcesModuleOptions<E extends string = string> {
  /** The endpoints by name; resolve one with `@named(name)`. At least one. */
  readonly endpoints: Readonly<Record<E, EndpointOptions>>;
  /**
   * The endpoint unnamed requests (`@inject(TOKENS.S3Resource)` without `@named`) resolve to.
   * Without one, unnamed requests throw {@link UnknownEndpointError}.
   *
   * @default the endpoint, when there is exactly one
   */
  readonly default?: NoInfer<E>;
}

/**
 * Makes an inversify `ContainerModule` that binds, for each named endpoint, its
 * {@link TOKENS | Session, S3 client and S3 service resource}; unnamed requests get the default
 * endpoint.
 *
 * - One {@link Session} and one S3 client per endpoint (singletons); the default endpoint's
 *   unnamed and named requests share them. Resources are a new view over that client each time.
 * - The session installs the endpoint's `plugins`, then every `TOKENS.SessionPlugin` bound
 *   in the container (unconstrained, or `whenNamed` for this endpoint): the way injected
 *   dependencies reach resource mixins.
 * - Unloading the module (`container.unload(module)`) or unbinding (`container.unbindAll()`)
 *   deactivates the sessions, which closes them (stopping a smart client's health checks and
 *   discovery), and the clients, which closes their SDK clients' connections.
 * - Tests swap an endpoint without touching application code:
 *   `container.rebind(TOKENS.Session).toConstantValue(sessionOnTheEmulator)` before the first
 *   resolution (clients and resources are derived from the session binding).
 *
 * Nothing is created until something is resolved.
 *
 * @example
 * ```ts
 * const container = new Container();
 * container.load(
 *   objectScaleResourcesModule({
 *     endpoints: {
 *       aws: { region: "eu-west-1" },
 *       archive: { endpoint: "https://ecs.example.com:9021", forcePathStyle: true, plugins: [objectScale({ namespace: "ns1" })] },
 *     },
 *     default: "aws",
 *   }),
 * );
 * const aws = container.get(TOKENS.S3Resource);                          // the default endpoint
 * const archive = container.get(TOKENS.S3Resource, { name: "archive" }); // as @inject(TOKENS.S3Resource) @named("archive")
 * ```
 * @throws {@link UnknownEndpointError} when `default` names no endpoint.
 * @throws `RangeError` when `endpoints` is empty.
 */
export function objectScaleResourcesModule<const E extends string>(
  options: ObjectScaleResourcesModuleOptions<E>,
): ContainerModule {
  const endpoints = { ...options.endpoints } as Record<string, EndpointOptions>;
  const names = Object.keys(endpoints);
  if (names.length === 0)
    throw new RangeError("objectScaleResourcesModule: endpoints is empty; give at least one");
  const defaultName: string | undefined = options.default ?? (names.length === 1 ? names[0] : undefined);
  if (defaultName !== undefined && !names.includes(defaultName))
    throw new UnknownEndpointError(defaultName, names);

  const serves = (name: string) => (request: BindingConstraints) =>
    request.name === name || (request.name === undefined && name === defaultName);
  // Checked while inversify plans, where the requested name is known (a binding's value never
  // sees it): so the error names the endpoint, and `isBound` / `optional` requests for an endpoint
  // the module lacks throw too. The endpoints are static configuration; asking for another is a bug.
  const refuseUnknown = (request: BindingConstraints): boolean => {
    if (names.some((name) => serves(name)(request))) return false;
    throw new UnknownEndpointError(request.name === undefined ? undefined : String(request.name), names);
  };

  return new ContainerModule(({ bind }) => {
    for (const name of names) {
      const endpoint = endpoints[name]!;
      const serve = serves(name);
      const lookup = { name };
      if (endpoint.asyncOptions === undefined) {
        bind(TOKENS.Session)
          .toDynamicValue((context) => createSession(context, name, endpoint, {}))
          .inSingletonScope()
          .when(serve)
          .onDeactivation(closeSession);
        bind(TOKENS.S3Client)
          .toDynamicValue((context) => context.get(TOKENS.Session, lookup).client("s3"))
          .inSingletonScope()
          .when(serve)
          .onDeactivation(closeClient);
        bind(TOKENS.S3Resource)
          .toDynamicValue((context) =>
            serviceResource(context.get(TOKENS.Session, lookup), context.get(TOKENS.S3Client, lookup)),
          )
          .when(serve);
      } else {
        const resolveOptions = endpoint.asyncOptions;
        bind(TOKENS.Session)
          .toDynamicValue(async (context) =>
            createSession(context, name, endpoint, await resolveOptions(context)),
          )
          .inSingletonScope()
          .when(serve)
          .onDeactivation(closeSession);
        bind(TOKENS.S3Client)
          .toDynamicValue(async (context) => (await context.getAsync(TOKENS.Session, lookup)).client("s3"))
          .inSingletonScope()
          .when(serve)
          .onDeactivation(closeClient);
        bind(TOKENS.S3Resource)
          .toDynamicValue(async (context) =>
            serviceResource(
              await context.getAsync(TOKENS.Session, lookup),
              await context.getAsync(TOKENS.S3Client, lookup),
            ),
          )
          .when(serve);
      }
    }
    for (const token of [TOKENS.Session, TOKENS.S3Client, TOKENS.S3Resource] as const) {
      bind<unknown>(token).toConstantValue(undefined).when(refuseUnknown);
    }
  });
}

function createSession(
  context: ResolutionContext,
  name: string,
  endpoint: EndpointOptions,
  resolved: AsyncEndpointOptions,
): Session {
  const { asyncOptions: _async, plugins = [], ...options } = endpoint;
  const injected = context.getAll(TOKENS.SessionPlugin, { name, optional: true });
  return new Session({ ...options, ...resolved, plugins: [...plugins, ...injected] });
}

/** The service resource over the endpoint's shared client (`resource()` would create a client per call). */
function serviceResource(session: Session, client: S3ServiceClient): S3ServiceResource {
  return session.resource("s3", { client });
}

/**
 * Closes the session: its smart client's timers stop at once (the checks under way are cancelled
 * in the background, so that a synchronous `unbindAll()` works too).
 */
function closeSession(session: Session): void {
  session.close().catch(() => undefined);
}

/** Closes the SDK client's connections; later calls on it fail. */
function closeClient(client: S3ServiceClient): void {
  client.meta.sdk.destroy();
}
