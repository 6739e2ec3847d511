// One HTTP server on PORT for everything: /healthz now, the chat platforms' endpoints as adapters register them.
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

export async function startHttpServer(options: {
  host: string;
  port: number;
  routes: Route[];
  logger: Logger;
}): Promise<RunningServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    const route = options.routes.find((candidate) => candidate.path === path && candidate.method === request.method);
    if (!route) {
      sendJson(response, 404, { error: "not_found" });
      return;
    }
    Promise.resolve()
      .then(() => route.handle(request, response))
      .catch((error: unknown) => {
        options.logger.error({ err: error, path }, "request failed");
        if (!response.headersSent) sendJson(response, 500, { error: "internal_error" });
        else response.end();
      });
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

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}
