import type { Actor, AppDependencies } from "../context.ts";
import { commandWords } from "../interaction/command.ts";
import { reply } from "../interaction/reply.ts";
import { onAny, onCommand, type Route } from "../interaction/router.ts";
import { type HelpAudience, helpMessage, unknownCommandMessage } from "./help.ts";

/** Facilitators of the current workshop see its commands; partners theirs; where none runs, how to start one. */
async function audienceOf(deps: AppDependencies, actor: Actor): Promise<HelpAudience> {
  const workshop = await deps.repos.workshops.current(actor.workspaceId);
  if (!workshop) return "newcomer";
  return (await deps.repos.workshops.isFacilitator(workshop.id, actor.personId)) ? "facilitator" : "partner";
}

/** Help, and the fallback for any command nobody else takes (list it last). */
export const helpRoutes: Route[] = [
  onCommand("help", async ({ deps, actor }) => reply.message(helpMessage(await audienceOf(deps, actor)))),
];

export const unknownCommandRoute: Route = onAny("command", async ({ deps, actor, interaction }) => {
  const [word] = commandWords(interaction.text);
  const audience = await audienceOf(deps, actor);
  return reply.message(word ? unknownCommandMessage(word, audience) : helpMessage(audience));
});
