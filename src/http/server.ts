// One HTTP server on PORT for everything: /healthz now, the chat platforms' endpoints as adapters register them.
// Nothing may hold it for long: headers must arrive in 10 s and a whole request in 30 s (checked every second, not
// Node's default 30 s), and the number of open connections is capped. A sender that goes away mid-request is
// ordinary on the internet: it is logged at debug, not as an error.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logging/logger.ts";

export interface Route {
  method: "GET" | "POST";
  path: string;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void> | void;
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

export interface ServerLimits {
  /** Time for a request's headers to arrive. */
  headersTimeoutMs: number;
  /** Time for a whole request (headers and body) to arrive. */
  requestTimeoutMs: number;
  /** Open connections beyond this are closed at once. */
  maxConnections: number;
}

export const defaultServerLimits: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 1_000,
};

export async function startHttpServer(options: {
  host: string;
  port: number;
  routes: Route[];
  logger: Logger;
  limits?: Partial<ServerLimits>;
}): Promise<RunningServer> {
  const limits = { ...defaultServerLimits, ...options.limits };
  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
  });
  server.maxConnections = limits.maxConnections;
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? "/").split("?")[0];
    const route = options.routes.find((candidate) => candidate.path === path && candidate.method === request.method);
    if (!route) {
      sendJson(response, 404, { error: "not_found" });
      return;
    }
    Promise.resolve()
      .then(() => route.handle(request, response))
      .catch((error: unknown) => {
        if (request.destroyed && isAborted(error)) {
          options.logger.debug({ path }, "request aborted by its sender");
          return;
        }
        options.logger.error({ err: error, path }, "request failed");
        if (!response.headersSent) sendJson(response, 500, { error: "internal_error" });
        else response.end();
      });
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    options.logger.debug({ code: error.code }, "dropped a malformed, slow or aborted connection");
    if (socket.writable && error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
      socket.end("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    } else if (socket.writable && error.code !== "ECONNRESET") {
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    } else socket.destroy();
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

function isAborted(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ECONNRESET" || code === "ECONNABORTED" || (error instanceof Error && error.message === "aborted");
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}
