/**
 * `defineOperation`: SDK command classes for S3-compatible calls that `@aws-sdk/client-s3` does not
 * model, sent through `S3Client.send` with everything a modelled command gets (endpoint rules,
 * SigV4, retries, abort signals, logging, middleware and events). Only the serializer and the
 * deserializer are ours, under the names of the client's schema serde with `override: true`, so
 * the SDK's anchors (`endpointV2Middleware` before serialization, ...) still hold.
 *
 * @module
 */
import { STATUS_CODES } from "node:http";
import type { Readable } from "node:stream";
import * as S3 from "@aws-sdk/client-s3";
import { parseXML } from "@aws-sdk/xml-builder";
import { NoAuthSigner } from "@smithy/core";
import { Command, type CommandImpl } from "@smithy/core/client";
import { getEndpointPlugin } from "@smithy/core/endpoints";
import { HttpRequest, collectBody, extendedEncodeURIComponent } from "@smithy/core/protocols";
import { getSmithyContext } from "@smithy/core/transport";
import type {
  EndpointParameterInstructions,
  EndpointV2,
  HttpResponse,
  MetadataBearer,
  Pluggable,
  ResponseMetadata,
  SerializeMiddleware,
} from "@smithy/types";

/** What an operation addresses, which decides its endpoint parameters and its path. */
export type OperationScope = "service" | "bucket" | "object";

/** The request an operation's `serialize` describes; the factory adds the endpoint and the key. */
export interface OperationRequest {
  /** HTTP method, such as `GET`. */
  readonly method: string;
  /** Path below the endpoint (service scope) or the bucket; object scope uses the `Key`. @default "/" */
  readonly path?: string;
  /**
   * Query parameters, encoded on the wire as RFC 3986. Use `""` for sub-resource flags
   * (`{ searchmetadata: "" }`): a `null` value is sent as a bare `?flag` but left out of the
   * SigV4 signature, so only unsigned operations may use it.
   */
  readonly query?: Readonly<Record<string, string | readonly string[] | null>>;
  /** Request headers; names in lower case. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The body. A PUT or POST without one sends `content-length: 0`. */
  readonly body?: string | Uint8Array | Readable;
  /** Send to this host (and port) instead of the resolved endpoint's, such as one data node. */
  readonly hostname?: string;
  readonly port?: number;
}

/** The XML content of an element: text, an object of child elements, or a list of repeated ones. */
export type XmlValue = string | XmlObject | XmlValue[];

/** Child elements by local name (namespace prefixes and `xmlns` attributes removed). */
export interface XmlObject {
  [name: string]: XmlValue | undefined;
}

/** The response an operation's `deserialize` reads. */
export interface OperationResponse {
  readonly statusCode: number;
  /** Response headers; names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as UTF-8 text. */
  readonly body: string;
  /** The local name of the root element when the body is XML. */
  readonly root: string | undefined;
  /** The root element's children when the body is XML (an empty root gives `{}`). */
  readonly xml: XmlObject | undefined;
}

/** How to build one operation; see {@link defineOperation}. */
export interface OperationSpec<I extends object, O extends MetadataBearer> {
  /** The operation's model name, such as `QueryObjects`; the command is named `${name}Command`. */
  readonly name: string;
  readonly scope: OperationScope;
  /** Turns the input into the request. Throw to refuse an input. */
  readonly serialize: (input: I) => OperationRequest;
  /** Turns a successful (status below 300) response into the output; `$metadata` is added. */
  readonly deserialize: (response: OperationResponse) => Omit<O, "$metadata">;
  /** Send without SigV4 and without resolving credentials (health checks such as `?ping`). @default false */
  readonly unsigned?: boolean;
}

/** A command class made by {@link defineOperation}, usable with `S3Client.send`. */
export interface OperationCommand<I extends object, O extends MetadataBearer> {
  new (input: I): CommandImpl<I, O, S3.S3ClientResolvedConfig, object, MetadataBearer>;
  /** The endpoint parameters of the scope, borrowed from a generated command of the same scope. */
  getEndpointParameterInstructions(): EndpointParameterInstructions;
  /** The operation's model name. */
  readonly operationName: string;
}

/**
 * Makes an SDK command class for an S3-compatible operation the SDK does not model.
 *
 * The bucket and key go where the SDK's endpoint rules put them for a modelled command of the same
 * scope (`/bucket/key` with `forcePathStyle`, `bucket.host/key` otherwise, path style again for
 * bucket names that cannot be host labels), because the endpoint parameters are borrowed from
 * `ListBuckets`, `HeadBucket` and `HeadObject`. Responses with status 300 or more become the SDK's
 * own exception class for the error code (`NoSuchBucket`, ...), or an `S3ServiceException` whose
 * `name` is the code; codes may be sentences, as some of ObjectScale's are.
 *
 * @example
 * ```ts
 * const GetBucketFlagCommand = defineOperation<{ Bucket: string }, { Enabled: boolean } & MetadataBearer>({
 *   name: "GetBucketFlag",
 *   scope: "bucket",
 *   serialize: () => ({ method: "GET", query: { flag: "" } }),
 *   deserialize: ({ xml }) => ({ Enabled: xml?.["Enabled"] === "true" }),
 * });
 * const { Enabled } = await s3.send(new GetBucketFlagCommand({ Bucket: "logs" }));
 * ```
 * @throws the returned command, when sent: the SDK's `S3ServiceException` subclasses for error
 *   responses, and whatever `serialize` throws.
 */
export function defineOperation<I extends object, O extends MetadataBearer>(
  spec: OperationSpec<I, O>,
): OperationCommand<I, O> {
  const instructions = endpointInstructions[spec.scope]();
  const Built = Command.classBuilder<I, O, S3.S3ClientResolvedConfig, object, MetadataBearer>()
    .ep(instructions)
    .m(function (
      CommandCtor: { getEndpointParameterInstructions(): EndpointParameterInstructions },
      _s,
      config,
    ) {
      const plugins: Array<Pluggable<I, O> | Pluggable<object, MetadataBearer>> = [
        getEndpointPlugin(
          config as Parameters<typeof getEndpointPlugin>[0],
          CommandCtor.getEndpointParameterInstructions(),
        ),
        serdePlugin(spec, config as SerdeConfig),
      ];
      if (spec.unsigned === true) plugins.push(unsignedPlugin);
      return plugins;
    })
    .s("AmazonS3", spec.name, {})
    .n("S3Client", `${spec.name}Command`)
    .f()
    .build();
  Object.defineProperty(Built, "name", { value: `${spec.name}Command` });
  Object.defineProperty(Built, "operationName", { value: spec.name });
  return Built as unknown as OperationCommand<I, O>;
}

const endpointInstructions: { readonly [S in OperationScope]: () => EndpointParameterInstructions } = {
  service: () => S3.ListBucketsCommand.getEndpointParameterInstructions(),
  bucket: () => S3.HeadBucketCommand.getEndpointParameterInstructions(),
  object: () => S3.HeadObjectCommand.getEndpointParameterInstructions(),
};

/** What reading a body needs from the client's resolved config. */
type SerdeConfig = Parameters<typeof collectBody>[1];

function serdePlugin<I extends object, O extends MetadataBearer>(
  spec: OperationSpec<I, O>,
  config: SerdeConfig,
): Pluggable<I, O> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          const endpoint = (context as { endpointV2?: EndpointV2 }).endpointV2;
          return next({ ...args, request: toHttpRequest(spec, args.input, endpoint) });
        },
        { name: "serializerMiddleware", step: "serialize", tags: ["SERIALIZER"], override: true },
      );
      stack.add(
        (next) => async (args) => {
          const { response } = await next(args);
          const raw = response as HttpResponse;
          const parsed = await readResponse(raw, config);
          if (parsed.statusCode >= 300) throw toServiceException(parsed, raw);
          const output = { ...spec.deserialize(parsed), $metadata: responseMetadata(parsed) } as O;
          return { response, output };
        },
        { name: "deserializerMiddleware", step: "deserialize", tags: ["DESERIALIZER"], override: true },
      );
    },
  };
}

/**
 * Selects Smithy's `noAuth` scheme for one command, in place of the client's auth-scheme
 * resolution: no identity is resolved (so no credentials are needed) and the signing middleware
 * runs the no-op `NoAuthSigner`, as for the SDK's own unauthenticated operations.
 */
const noAuth: SerializeMiddleware<object, MetadataBearer> = (next, context) => (args) => {
  getSmithyContext(context)["selectedHttpAuthScheme"] = {
    httpAuthOption: { schemeId: "smithy.api#noAuth" },
    identity: {},
    signer: new NoAuthSigner(),
  };
  return next(args);
};

const unsignedPlugin: Pluggable<object, MetadataBearer> = {
  applyToStack(stack) {
    stack.addRelativeTo(noAuth, {
      name: "httpAuthSchemeMiddleware",
      step: "serialize",
      tags: ["HTTP_AUTH_SCHEME"],
      relation: "before",
      toMiddleware: "endpointV2Middleware",
      override: true,
    } as Parameters<typeof stack.addRelativeTo>[1]);
  },
};

function toHttpRequest<I extends object, O extends MetadataBearer>(
  spec: OperationSpec<I, O>,
  input: I,
  endpoint: EndpointV2 | undefined,
): HttpRequest {
  if (endpoint === undefined) throw new Error(`${spec.name}: the SDK resolved no endpoint`);
  const url = endpoint.url;
  const r = spec.serialize(input);
  let below = r.path ?? "/";
  if (spec.scope === "object") {
    const key = (input as { Key?: unknown }).Key;
    if (typeof key !== "string" || key === "")
      throw new Error(`${spec.name}: Key must be a non-empty string`);
    below = "/" + key.split("/").map(extendedEncodeURIComponent).join("/");
  }
  const body = r.body ?? (r.method === "PUT" || r.method === "POST" ? new Uint8Array(0) : undefined);
  return new HttpRequest({
    protocol: url.protocol,
    hostname: r.hostname ?? url.hostname,
    port: r.hostname !== undefined ? r.port : url.port ? Number(url.port) : undefined,
    method: r.method,
    path: url.pathname.replace(/\/$/, "") + below,
    query: { ...(r.query as Record<string, string | string[] | null>) },
    headers: { ...r.headers },
    body: typeof body === "string" ? new TextEncoder().encode(body) : body,
  });
}

async function readResponse(response: HttpResponse, config: SerdeConfig): Promise<OperationResponse> {
  const bytes = await collectBody(response.body, config);
  const body = new TextDecoder().decode(bytes);
  const document = body.trimStart().startsWith("<") ? parseXmlDocument(body) : undefined;
  return {
    statusCode: response.statusCode,
    headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v])),
    body,
    root: document?.root,
    xml: document?.xml,
  };
}

/**
 * The adapter around the SDK's XML parser: local names only, no `xmlns` attributes, an empty
 * element as `""` (or `{}` at the root). Kept to one function because `parseXML` is internal to
 * the SDK.
 */
function parseXmlDocument(text: string): { root: string; xml: XmlObject } {
  const parsed = parseXML(text) as Record<string, unknown>;
  const [name, value] = Object.entries(parsed)[0] ?? ["", ""];
  const content = localNames(value);
  return {
    root: localName(name),
    xml: typeof content === "object" && !Array.isArray(content) ? content : {},
  };
}

function localNames(value: unknown): XmlValue {
  if (Array.isArray(value)) return value.map(localNames);
  if (typeof value !== "object" || value === null) return typeof value === "string" ? value : "";
  const out: XmlObject = {};
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    if (name === "xmlns" || name.startsWith("xmlns:")) continue;
    out[localName(name)] = localNames(child);
  }
  return out;
}

const localName = (name: string): string => name.replace(/^[^:]*:/, "");

function responseMetadata({ statusCode, headers }: OperationResponse): ResponseMetadata {
  return {
    httpStatusCode: statusCode,
    requestId: headers["x-amz-request-id"],
    extendedRequestId: headers["x-amz-id-2"],
    cfId: headers["x-amz-cf-id"],
  };
}

type ExceptionClass = new (options: object) => S3.S3ServiceException;
let exceptionClasses: Map<string, ExceptionClass> | undefined;

/** The SDK's exception class for an error code (`NoSuchBucket`), found among the package's exports. */
function exceptionClass(code: string): ExceptionClass | undefined {
  if (exceptionClasses === undefined) {
    exceptionClasses = new Map();
    for (const [name, value] of Object.entries(S3)) {
      if (typeof value === "function" && value.prototype instanceof S3.S3ServiceException)
        exceptionClasses.set(name, value as ExceptionClass);
    }
  }
  return exceptionClasses.get(code);
}

function toServiceException(parsed: OperationResponse, response: HttpResponse): S3.S3ServiceException {
  const fields = parsed.root === "Error" ? parsed.xml : (parsed.xml?.["Error"] as XmlObject | undefined);
  const text = (name: string): string | undefined => {
    const v = fields?.[name];
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  const code =
    text("Code") ?? (STATUS_CODES[parsed.statusCode] ?? `Http${parsed.statusCode}`).replace(/\W/g, "");
  const $metadata = responseMetadata(parsed);
  const message = text("Message") ?? code;
  const Known = exceptionClass(code);
  const error = Known
    ? new Known({ $metadata, message })
    : new S3.S3ServiceException({
        name: code,
        $fault: parsed.statusCode >= 500 ? "server" : "client",
        $metadata,
        message,
      });
  // Like the SDK's own errors: the other string members of <Error> (BucketName, Resource, ...).
  for (const [name, value] of Object.entries(fields ?? {}))
    if (typeof value === "string" && !(name in error)) Object.assign(error, { [name]: value });
  Object.defineProperty(error, "$response", { value: response, enumerable: false });
  return error;
}
