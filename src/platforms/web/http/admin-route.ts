// `clusterbot web invite NAME` while the workspace runs on the embedded store (one process per data folder): the
// command asks the running server, from this machine, with the key the server wrote beside its data folder.
import { z } from "zod";
import { isLoopbackAddress } from "../auth/request-checks.ts";
import { sameSecret } from "../auth/tokens.ts";
import { issueInvite } from "../invites.ts";
import { Refusal } from "../service/errors.ts";
import type { WorkspaceService } from "../service/index.ts";
import { post, type WebRoute } from "./route-kit.ts";

export const adminInvitePath = "/api/admin/invites";

export function adminRoute(options: {
  service: WorkspaceService;
  adminKey: string;
  baseUrl: (localPort: number) => string;
}): WebRoute {
  return post(adminInvitePath, "anyone", z.object({ name: z.string().max(500) }), async ({ request, body }) => {
    const given = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (!isLoopbackAddress(request.socket.remoteAddress) || !given || !sameSecret(given, options.adminKey)) {
      throw new Refusal("forbidden", "Only `clusterbot web invite` on this machine may do that.");
    }
    const invite = await issueInvite(options.service, body.name, options.baseUrl(request.socket.localPort ?? 0));
    return {
      status: 201,
      body: {
        name: invite.person.name,
        created: invite.created,
        link: invite.link,
        expiresAt: invite.expiresAt.toISOString(),
      },
    };
  });
}
