import { commandWords } from "../interaction/command.ts";
import { reply } from "../interaction/reply.ts";
import { onAny, onCommand, type Route } from "../interaction/router.ts";
import { helpMessage, unknownCommandMessage } from "./help.ts";

/** Help, and the fallback for any command nobody else takes (list it last). */
export const helpRoutes: Route[] = [onCommand("help", async () => reply.message(helpMessage()))];

export const unknownCommandRoute: Route = onAny("command", async ({ interaction }) => {
  const [word] = commandWords(interaction.text);
  return reply.message(word ? unknownCommandMessage(word) : helpMessage());
});
