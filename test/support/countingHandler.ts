import { NodeHttpHandler } from "@smithy/node-http-handler";

/** The SDK's own Node HTTP handler, counting what really goes on the wire. */
export class CountingHttpHandler extends NodeHttpHandler {
  readonly sent: Array<{ method: string; path: string; headers: Record<string, string> }> = [];

  override handle(...[request, options]: Parameters<NodeHttpHandler["handle"]>) {
    this.sent.push({ method: request.method, path: request.path, headers: { ...request.headers } });
    return super.handle(request, options);
  }
}
