import type { WorkspaceService } from "../service/index.ts";
import { get, type WebRoute } from "./route-kit.ts";

/** The person's live stream (Server-Sent Events). */
export function liveRoute(service: WorkspaceService): WebRoute {
  return get("/api/events", "person", async ({ request, response, session }) => {
    service.context.hub.open(request, response, { userId: session!.userId, sessionHash: session!.idHash });
    return undefined;
  });
}
