import type { Route } from "./server.ts";
import { sendJson } from "./server.ts";

export function healthRoute(options: { version: string; pingDatabase: () => Promise<void> }): Route {
  return {
    method: "GET",
    path: "/healthz",
    async handle(_request, response) {
      const db = await options.pingDatabase().then(
        () => "ok" as const,
        () => "unreachable" as const,
      );
      sendJson(response, db === "ok" ? 200 : 503, {
        status: db === "ok" ? "ok" : "degraded",
        db,
        version: options.version,
      });
    },
  };
}
