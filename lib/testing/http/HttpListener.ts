/**
 * A keep-alive HTTP server on 127.0.0.1 that can be closed at once: it destroys its open
 * connections instead of waiting for clients to drop them.
 *
 * @module
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One listening server of the emulator. */
export class HttpListener {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #port: number;
  #closing: Promise<void> | undefined;

  private constructor(server: Server) {
    this.#server = server;
    this.#port = (server.address() as AddressInfo).port;
    server.on("connection", (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once("close", () => this.#sockets.delete(socket));
    });
  }

  /**
   * Listens on 127.0.0.1:`port` (0 for a free port).
   *
   * @throws Error when the port cannot be bound (`EADDRINUSE`).
   */
  static async open(port: number, handler: RequestListener): Promise<HttpListener> {
    const server = createServer({ keepAlive: true }, handler);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    return new HttpListener(server);
  }

  /** The port it listens on. */
  get port(): number {
    return this.#port;
  }

  /** Stops listening and destroys open connections (requests under way fail). Idempotent. */
  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      for (const socket of this.#sockets) socket.destroy();
    });
    return this.#closing;
  }
}
