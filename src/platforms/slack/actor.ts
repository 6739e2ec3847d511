// Turns a Slack team + user id into the app's Actor, creating the person on first sight with their profile.
import type { WebClient } from "@slack/web-api";
import type { Actor, AppDependencies } from "../../app/context.ts";

export async function slackActor(
  deps: AppDependencies,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<Actor> {
  const workspace = await deps.repos.workspaces.ensure("slack", teamId);
  let person = await deps.repos.people.ensure(workspace.id, userId);
  if (person.displayName === userId) {
    const profile = await client.users.info({ user: userId }).catch(() => undefined);
    const user = profile?.user;
    if (user) {
      person = await deps.repos.people.ensure(workspace.id, userId, {
        displayName: user.real_name || user.name || userId,
        email: user.profile?.email ?? null,
        timezone: user.tz ?? null,
      });
    }
  }
  return { workspaceId: workspace.id, personId: person.id, userExternalId: userId };
}

/** Slack puts the team id in different places per payload type. */
export function teamIdOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as { team_id?: unknown; team?: { id?: unknown } | null; user?: { team_id?: unknown } };
  if (typeof record.team_id === "string") return record.team_id;
  if (typeof record.team?.id === "string") return record.team.id;
  if (typeof record.user?.team_id === "string") return record.user.team_id;
  return undefined;
}
