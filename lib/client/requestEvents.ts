import { Readable } from "node:stream";
import { HttpResponse } from "@smithy/core/protocols";
import type {
  BuildMiddleware,
  DeserializeMiddleware,
  FinalizeRequestMiddleware,
  HttpRequest,
  MiddlewareStack,
} from "@smithy/types";
import type { EventEmitter } from "../events/EventEmitter.js";
import type { HttpResponseInit, RequestContext } from "./events.js";

/** Event names of one operation, built once per client class and operation. */
export interface OperationEventNames {
  readonly provideParams: string;
  readonly beforeParameterBuild: string;
  readonly beforeCall: string;
  readonly beforeSign: string;
  readonly beforeSend: string;
  readonly afterCall: string;
  readonly afterCallError: string;
}

export function operationEventNames(service: string, operation: string): OperationEventNames {
  const tail = `.${service}.${operation}`;
  return {
    provideParams: `provide-client-params${tail}`,
    beforeParameterBuild: `before-parameter-build${tail}`,
    beforeCall: `before-call${tail}`,
    beforeSign: `before-sign${tail}`,
    beforeSend: `before-send${tail}`,
    afterCall: `after-call${tail}`,
    afterCallError: `after-call-error${tail}`,
  };
}

/** Which request-path events have handlers right now. */
export interface ActiveRequestEvents {
  readonly call: boolean;
  readonly sign: boolean;
  readonly send: boolean;
}

/** @returns `undefined` when no request-path event has a handler: the command then runs untouched. */
export function activeRequestEvents(
  events: EventEmitter,
  names: OperationEventNames,
): ActiveRequestEvents | undefined {
  const call =
    events.hasHandlers(names.beforeCall) ||
    events.hasHandlers(names.afterCall) ||
    events.hasHandlers(names.afterCallError);
  const sign = events.hasHandlers(names.beforeSign);
  const send = events.hasHandlers(names.beforeSend);
  return call || sign || send ? { call, sign, send } : undefined;
}

/**
 * Adds the middlewares that fire the request-path events to one command's stack.
 *
 * They are added per command, and only for events that have handlers, so a call nobody listens
 * to pays nothing for them (measured: each middleware costs 2.5-5 µs per call). Placement, from
 * the outside in:
 * - `before-call` / `after-call` / `after-call-error`: `build` step, low priority, so the request
 *   is serialized (headers, content length, checksums) and retries have not started;
 * - `before-sign`: right before `httpSigningMiddleware`, inside the retry loop, so it runs on every
 *   attempt and what it adds is signed;
 * - `before-send`: `deserialize` step, low priority: the innermost position, just before the HTTP
 *   handler, with the signed request.
 */
export function addRequestEventMiddleware(
  stack: MiddlewareStack<object, object>,
  events: EventEmitter,
  names: OperationEventNames,
  active: ActiveRequestEvents,
  base: { service: string; operation: string; params: object; context: RequestContext },
): void {
  const { service, operation, context } = base;
  if (active.call) {
    const beforeCall: BuildMiddleware<object, object> = (next) => async (args) => {
      const request = args.request as HttpRequest;
      const shortCircuit = await events.emitUntilResponseDynamicAsync(names.beforeCall, {
        service,
        operation,
        params: base.params,
        request,
        context,
      });
      try {
        const result =
          shortCircuit !== undefined
            ? { output: withMetadata(shortCircuit), response: undefined }
            : await next(args);
        await events.emitDynamicAsync(names.afterCall, {
          service,
          operation,
          output: result.output,
          response: result.response,
          params: base.params,
          context,
        });
        return result;
      } catch (error) {
        const httpStatusCode = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
          ?.httpStatusCode;
        await events.emitDynamicAsync(names.afterCallError, {
          service,
          operation,
          error,
          httpStatusCode,
          context,
        });
        throw error;
      }
    };
    stack.add(beforeCall, { step: "build", priority: "low", name: "osrBeforeCallEvents", override: true });
  }
  if (active.sign) {
    const beforeSign: FinalizeRequestMiddleware<object, object> = (next) => async (args) => {
      context.attempt++;
      await events.emitDynamicAsync(names.beforeSign, { service, operation, request: args.request, context });
      return next(args);
    };
    stack.addRelativeTo(beforeSign, {
      relation: "before",
      toMiddleware: "httpSigningMiddleware",
      name: "osrBeforeSignEvent",
      override: true,
    });
  } else {
    const countAttempts: FinalizeRequestMiddleware<object, object> = (next) => (args) => {
      context.attempt++;
      return next(args);
    };
    stack.addRelativeTo(countAttempts, {
      relation: "before",
      toMiddleware: "httpSigningMiddleware",
      name: "osrAttemptCounter",
      override: true,
    });
  }
  if (active.send) {
    const beforeSend: DeserializeMiddleware<object, object> = (next) => async (args) => {
      const response = await events.emitUntilResponseDynamicAsync(names.beforeSend, {
        service,
        operation,
        request: args.request,
        context,
      });
      if (response === undefined) return next(args);
      return { response: toHttpResponse(response as HttpResponseInit), output: undefined as never };
    };
    stack.add(beforeSend, {
      step: "deserialize",
      priority: "low",
      name: "osrBeforeSendEvent",
      override: true,
    });
  }
}

function withMetadata(output: unknown): object {
  const o = (typeof output === "object" && output !== null ? output : {}) as { $metadata?: object };
  return o.$metadata ? o : { ...o, $metadata: { attempts: 0 } };
}

function toHttpResponse(init: HttpResponseInit): HttpResponse {
  const body = init.body;
  if (body !== undefined && typeof body !== "string" && !(body instanceof Uint8Array)) {
    // Already a stream (a real HttpResponse, say): pass it through.
    return new HttpResponse({ statusCode: init.statusCode, headers: { ...init.headers }, body });
  }
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body ?? new Uint8Array());
  // A stream, because streaming outputs (GetObject's Body) accept nothing else.
  return new HttpResponse({ statusCode: init.statusCode, headers: { ...init.headers }, body: Readable.from([bytes]) });
}
