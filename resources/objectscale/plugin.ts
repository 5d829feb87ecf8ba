/**
 * The ObjectScale plugin: everything ObjectScale adds to S3, installed on a session through its
 * events, the way botocore plugins extend boto3.
 *
 * @module
 */
import "./types.js";
import type { Session } from "../../lib/Session.js";
import type { SessionPlugin } from "../../lib/SessionPlugin.js";
import type { EventEmitter } from "../../lib/events/EventEmitter.js";
import { EventRegistrationError } from "../../lib/errors.js";
import { EXTENDED_OPERATIONS } from "./extensions.js";
import { clientClassHandler } from "./handlers/clientClass.js";
import {
  extensionParamsHandler,
  queryFormatHandler,
  rememberBucketHandler,
} from "./handlers/requestParams.js";
import { requestHeadersHandler } from "./handlers/requestHeaders.js";
import { RESPONSE_HEADER_OPERATIONS, responseHeadersHandler } from "./handlers/responseHeaders.js";
import { objectScaleCommands } from "./operations/index.js";
import {
  OBJECTSCALE_SESSION_DEFAULTS,
  resolveOptions,
  type ObjectScaleOptions,
  type ObjectScaleSessionDefaults,
  type ResolvedObjectScaleOptions,
} from "./options.js";
import { registerResourceHandlers } from "./resources/index.js";
import { registerOperationValidators } from "./validation/operationParams.js";

/** The ObjectScale plugin made by {@link objectScale}. */
export interface ObjectScalePlugin extends SessionPlugin {
  readonly name: "objectscale";
  /** The options with their defaults. */
  readonly options: ResolvedObjectScaleOptions;
  /**
   * Session settings ObjectScale needs (checksums only when an operation requires them); merge
   * them into the session's options. See {@link OBJECTSCALE_SESSION_DEFAULTS}.
   */
  readonly sessionDefaults: ObjectScaleSessionDefaults;
}

const installed = new WeakMap<EventEmitter, string>();

/**
 * Makes the ObjectScale plugin. Installed on a session (before its first S3 client is created,
 * because the client class is built once), it gives S3 clients:
 *
 * - methods for ObjectScale's own calls, each a command through `client.call()` so every event
 *   fires: `listSystemMetadataSearchKeys`, `listBucketMetadataSearchKeys`,
 *   `disableMetadataSearch`, `queryObjects` (and `paginateQueryObjects`), `appendObject`,
 *   `updateObjectRange`, `overwriteObjectRange`, `extendRetentionPeriod`, `setStaleReadAllowed`,
 *   `emptyBucket`, `getEmptyBucketStatus`, `ping` (unsigned), `listDataNodes`, `listBucketsPaged`,
 *   `copyRange`, `enableObjectLock`;
 * - an `ObjectScale` member on `createBucket`, `putObject`, `copyObject` and
 *   `createMultipartUpload` inputs, checked before anything is sent and sent as signed `x-emc-*`
 *   headers;
 * - the namespace on every request (`x-emc-namespace`, or a host label);
 * - ObjectScale's response headers as `output.ObjectScale` on object reads and writes and
 *   `headBucket`;
 * - resource methods for the same calls: `bucket.queryObjects()` (a collection of objects),
 *   `metadataSearchKeys`, `setStaleReadAllowed`, `empty`, `emptyStatus`, `disableMetadataSearch`;
 *   `obj.append()`, `writeRange`, `overwriteFrom`, `extendRetention` and the `obj.objectScale`
 *   getter; `s3.ping()`, `dataNodes`, `systemMetadataSearchKeys`.
 *
 * @example
 * ```ts
 * const plugin = objectScale({ namespace: "ns1" });
 * const session = new Session({ ...plugin.sessionDefaults, endpoint: "https://ecs.example.com:9021", forcePathStyle: true });
 * plugin.install(session);
 * const s3 = session.client("s3");
 * await s3.createBucket({ Bucket: "invoices", ObjectScale: { metadataSearch: [{ key: "Size" }] } });
 * for await (const page of s3.paginateQueryObjects({ Bucket: "invoices", Query: searchKey("Size").gt(0) })) {
 *   console.log(page.Objects.map((o) => o.ObjectName));
 * }
 * ```
 * @throws {@link ValidationError} for invalid options (named in the error).
 */
export function objectScale(options: ObjectScaleOptions = {}): ObjectScalePlugin {
  const resolved = resolveOptions(options);
  const fingerprint = JSON.stringify(resolved);
  return Object.freeze({
    name: "objectscale" as const,
    options: resolved,
    sessionDefaults: OBJECTSCALE_SESSION_DEFAULTS,
    install(session: Session): void {
      const events = session.events;
      const previous = installed.get(events);
      if (previous === fingerprint) return;
      if (previous !== undefined) {
        throw new EventRegistrationError(
          `The objectscale plugin is already installed on this session with other options (${previous}); ` +
            `install it once per session`,
        );
      }
      installed.set(events, fingerprint);
      registerOperationValidators();
      register(events, resolved);
    },
  });
}

function register(events: EventEmitter, options: ResolvedObjectScaleOptions): void {
  const id = (what: string) => ({ uniqueId: `objectscale.${what}` });
  events.register(
    "creating-client-class.s3",
    clientClassHandler(objectScaleCommands(options)),
    id("client-class"),
  );
  const extensionParams = extensionParamsHandler(options);
  for (const operation of EXTENDED_OPERATIONS) {
    events.register(`before-parameter-build.s3.${operation}`, extensionParams, id(`params.${operation}`));
  }
  events.register("before-parameter-build.s3.QueryObjects", queryFormatHandler(options), id("query-format"));
  if (options.namespace !== undefined && options.namespaceAddressing === "host") {
    events.register("before-parameter-build.s3", rememberBucketHandler, id("bucket"));
  }
  const headers = requestHeadersHandler(options);
  if (options.namespace !== undefined) {
    events.register("before-sign.s3", headers, id("headers"));
  } else {
    for (const operation of EXTENDED_OPERATIONS) {
      events.register(`before-sign.s3.${operation}`, headers, id(`headers.${operation}`));
    }
  }
  for (const operation of RESPONSE_HEADER_OPERATIONS) {
    events.register(`after-call.s3.${operation}`, responseHeadersHandler, id(`response.${operation}`));
  }
  registerResourceHandlers(events);
}
