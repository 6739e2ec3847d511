// GET /healthz: 200 {"status":"ok",…} when the database answers and every check passes; otherwise 503 "degraded"
// with the reasons in plain words (never a secret).
import type { Route } from "./server.ts";
import { sendJson } from "./server.ts";

export interface HealthCheck {
  name: string;
  /** A sentence saying what is wrong, or undefined when all is well. */
  problem(): Promise<string | undefined>;
}

export function healthRoute(options: {
  version: string;
  pingDatabase: () => Promise<void>;
  checks?: HealthCheck[];
}): Route {
  return {
    method: "GET",
    path: "/healthz",
    async handle(_request, response) {
      const db = await options.pingDatabase().then(
        () => "ok" as const,
        () => "unreachable" as const,
      );
      const problems =
        db === "ok"
          ? (
              await Promise.all(
                (options.checks ?? []).map((check) =>
                  check.problem().catch(() => `the ${check.name} check could not run`),
                ),
              )
            ).filter((problem): problem is string => problem !== undefined)
          : [];
      const healthy = db === "ok" && problems.length === 0;
      sendJson(response, healthy ? 200 : 503, {
        status: healthy ? "ok" : "degraded",
        db,
        version: options.version,
        ...(problems.length > 0 ? { problems } : {}),
      });
    },
  };
}
