import { Readable } from "node:stream";
import { HttpRequest } from "@smithy/core/protocols";
import type { BuildMiddleware, DeserializeMiddleware, MiddlewareStack } from "@smithy/types";

/** Bytes handed to the connection per piece, and so per progress report. */
const PIECE_BYTES = 64 * 1024;

/**
 * Reports a request body as it is handed to the connection: the signed request's body (a
 * `Uint8Array` or string) is replaced, for this attempt only, by a stream of 64 KiB pieces, each
 * reported to `report` when the connection asks for it. An attempt that fails takes back what it
 * reported with one negative call, so a retried attempt never counts twice. Stream bodies are left
 * alone (nothing is known of their length, and they cannot be read twice).
 *
 * Added per command, in the innermost position (`deserialize` step, low priority), after signing:
 * the payload hash was computed from the bytes, which the stream sends unchanged.
 *
 * @internal
 */
export function addSendProgressMiddleware(
  stack: MiddlewareStack<object, object>,
  report: (bytes: number) => void,
): void {
  const middleware: DeserializeMiddleware<object, object> = (next) => async (args) => {
    const request = args.request;
    if (!HttpRequest.isInstance(request)) return next(args);
    const body: unknown = request.body;
    const bytes =
      typeof body === "string" ? Buffer.from(body) : body instanceof Uint8Array ? body : undefined;
    if (bytes === undefined || bytes.length === 0) return next(args);
    let sent = 0;
    const stream = new Readable({
      highWaterMark: PIECE_BYTES,
      read() {
        if (sent >= bytes.length) {
          this.push(null);
          return;
        }
        const piece = bytes.subarray(sent, sent + PIECE_BYTES);
        sent += piece.length;
        report(piece.length);
        this.push(piece);
      },
    });
    const attempt = HttpRequest.clone(request);
    attempt.body = stream;
    try {
      return await next({ ...args, request: attempt });
    } catch (error) {
      if (sent > 0) report(-sent);
      throw error;
    }
  };
  stack.add(middleware, { step: "deserialize", priority: "low", name: "osrSendProgress", override: true });
}

/**
 * Signs the request with `UNSIGNED-PAYLOAD` in place of the body's SHA-256, as the SDK itself
 * does for stream bodies: the signer takes an `x-amz-content-sha256` header that is already set.
 * Added per command (`build` step, low priority: after the SDK's own headers, before the retry
 * loop and signing).
 *
 * @internal
 */
export function addUnsignedPayloadMiddleware(stack: MiddlewareStack<object, object>): void {
  const middleware: BuildMiddleware<object, object> = (next) => (args) => {
    if (HttpRequest.isInstance(args.request)) args.request.headers["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD";
    return next(args);
  };
  stack.add(middleware, { step: "build", priority: "low", name: "osrUnsignedPayload", override: true });
}
