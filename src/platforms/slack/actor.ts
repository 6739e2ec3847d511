// Turns a Slack team + user id into the app's Actor, creating the person on first sight with their profile.
import type { WebClient } from "@slack/web-api";
import type { Actor, AppDependencies } from "../../app/context.ts";
import { slackUserSchema, toPersonProfile } from "./user-profile.ts";

/**
 * Team → workspace and user → person never change once made, so they are remembered per repository set: a Slack
 * request answers without a write (the workspace upsert) or a users.info call once its sender is known.
 */
const known = new WeakMap<object, Map<string, Actor>>();
const maxKnown = 50_000;

export async function slackActor(
  deps: AppDependencies,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<Actor> {
  const cache = known.get(deps.repos) ?? new Map<string, Actor>();
  known.set(deps.repos, cache);
  const key = `${teamId}\u0000${userId}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const workspace = await deps.repos.workspaces.ensure("slack", teamId);
  let person = await deps.repos.people.ensure(workspace.id, userId);
  if (person.displayName === userId) {
    const answer = await client.users.info({ user: userId }).catch(() => undefined);
    const user = slackUserSchema.safeParse(answer?.user);
    if (user.success) person = await deps.repos.people.ensure(workspace.id, userId, toPersonProfile(user.data));
  }
  const actor = { workspaceId: workspace.id, personId: person.id, userExternalId: userId };
  // Someone whose profile could not be read yet is looked up again next time.
  if (person.displayName !== userId) {
    if (cache.size >= maxKnown) cache.clear();
    cache.set(key, actor);
  }
  return actor;
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
