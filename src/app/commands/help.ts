// What /cluster help says. Commands are written "/cluster …" on every surface (Teams and the browser take the same
// text typed to the bot).
import type { Message } from "../../core/screens/message.ts";
import { echo } from "../../core/text/index.ts";

const facilitatorCommands = [
  ["/cluster setup", "create the workshop or change its settings"],
  ["/cluster project add", "add a project (also: project edit ACRONYM, project remove ACRONYM)"],
  ["/cluster homework open", "invite every project member to do their homework"],
  ["/cluster status", "homework progress per project"],
  ["/cluster reopen ACRONYM [days]", "let a project edit its homework after the deadline"],
  ["/cluster remind [ACRONYM]", "remind whoever has not finished, now (at most once an hour per person)"],
  ["/cluster close", "close the workshop (no more reminders)"],
] as const;

const everyoneCommands = [
  ["/cluster away YYYY-MM-DD", "pause your reminders until that day"],
  ["/cluster back", "turn them on again"],
] as const;

export function helpMessage(): Message {
  const items = (commands: readonly (readonly [string, string])[]) =>
    commands.map(([title, text]) => ({ title, text }));
  return {
    summary: "Clusterbot runs your project-clustering workshop.",
    blocks: [
      { kind: "text", text: "Clusterbot runs your project-clustering workshop." },
      { kind: "heading", text: "Facilitators" },
      { kind: "list", items: items(facilitatorCommands) },
      { kind: "heading", text: "Everyone" },
      { kind: "list", items: items(everyoneCommands) },
      { kind: "text", text: "Partners: open the bot's Home tab, or the “Start homework” button it sent you." },
    ],
  };
}

/** An unknown command: say so, then the help. */
export function unknownCommandMessage(word: string): Message {
  const help = helpMessage();
  return {
    summary: `I don't know “${echo(word)}”. ${help.summary}`,
    blocks: [{ kind: "text", text: `I don't know “${echo(word)}”.` }, ...(help.blocks ?? [])],
  };
}

/** Every command as typed after "/cluster", with what it does: the list a message box completes. */
export function commandList(): { words: string; hint: string }[] {
  return [["/cluster help", "what Clusterbot can do"] as const, ...facilitatorCommands, ...everyoneCommands].map(
    ([command, hint]) => ({ words: command.replace(/^\/cluster\s+/, ""), hint }),
  );
}
