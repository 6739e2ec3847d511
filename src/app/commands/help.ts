// What /cluster help says: each person the commands they may use, in the order a workshop runs. Commands are written
// "/cluster …" on every surface (Teams and the browser take the same text typed to the bot).
import type { Message } from "../../core/screens/message.ts";
import { echo } from "../../core/text/index.ts";

/** Who is asking: a facilitator of the current workshop, a partner in it, or someone where no workshop runs yet. */
export type HelpAudience = "facilitator" | "partner" | "newcomer";

/** A facilitator's commands, in the order of a workshop. */
const facilitatorCommands = [
  ["/cluster setup", "1. create the workshop or change its settings (deadline, reminders, time zone)"],
  ["/cluster project add", "2. add a project and its members (also: project edit ACRONYM, project remove ACRONYM)"],
  ["/cluster import", "or add projects, partners and members from a spreadsheet shared in your DM with Clusterbot"],
  ["/cluster homework open", "3. invite every project member to do their homework"],
  ["/cluster status", "4. see who has done what, and messages that could not be delivered"],
  ["/cluster remind [ACRONYM]", "remind whoever has not finished, now (at most once an hour per person)"],
  ["/cluster reopen ACRONYM [days]", "let a project edit its homework after the deadline"],
  ["/cluster analyze [coarse|normal|fine]", "5. suggest clusters from the submitted homework (drafts left out)"],
  ["/cluster review", "6. review, edit and approve the suggested clusters"],
  ["/cluster announce", "7. post the approved clusters to the announcement channel and tell their members"],
  ["/cluster groups create", "8. a channel per approved cluster, its members invited, the work-plan prompts posted"],
  ["/cluster groups private", "make working-group channels private (also: groups public)"],
  ["/cluster groups followups [weeks]", "how often the groups are asked for their items' status (default 4 weeks)"],
  ["/cluster report [pdf|md|html|docx|xlsx]", "9. the report as a file in this channel (also: export [xlsx|csv])"],
  ["/cluster summaries send", "10. each project's summary (interest, clusters, needs it could serve) to its members"],
  ["/cluster close", "close the workshop (no more reminders nor follow-ups; the groups' channels stay)"],
] as const;

const everyoneCommands = [
  ["/cluster away YYYY-MM-DD", "pause your reminders until that day"],
  ["/cluster back", "turn them on again"],
  ["/cluster help", "this list"],
  ["/cluster workplan", "your working group's plan (in its channel); facilitators: every plan"],
  ["/cluster summaries off", "no more project summaries for you (summaries on: again)"],
] as const;

const newcomerCommands = [
  ["/cluster setup", "start a workshop here (you become its facilitator)"],
  ["/cluster help", "this list"],
] as const;

const homeworkHint = "Your homework: press “Start homework” in the invitation I sent you, or open my Home tab.";

type Commands = readonly (readonly [string, string])[];

const items = (commands: Commands) => commands.map(([title, text]) => ({ title, text }));

export function helpMessage(audience: HelpAudience = "facilitator"): Message {
  const summary = "Clusterbot runs your project-clustering workshop.";
  switch (audience) {
    case "facilitator":
      return {
        summary,
        blocks: [
          { kind: "text", text: summary },
          { kind: "heading", text: "Running the workshop, in order" },
          { kind: "list", items: items(facilitatorCommands) },
          { kind: "heading", text: "For yourself" },
          { kind: "list", items: items(everyoneCommands) },
          { kind: "context", text: "Partners need no command: they do their homework from the invitation." },
        ],
      };
    case "partner":
      return {
        summary,
        blocks: [
          { kind: "text", text: summary },
          { kind: "text", text: homeworkHint },
          { kind: "heading", text: "Your reminders" },
          { kind: "list", items: items(everyoneCommands) },
        ],
      };
    case "newcomer":
      return {
        summary,
        blocks: [
          { kind: "text", text: `${summary} No workshop is running here yet.` },
          { kind: "list", items: items(newcomerCommands) },
        ],
      };
  }
}

/** An unknown command: say so, then the help. */
export function unknownCommandMessage(word: string, audience: HelpAudience = "facilitator"): Message {
  const help = helpMessage(audience);
  return {
    summary: `I don't know “${echo(word)}”. ${help.summary}`,
    blocks: [{ kind: "text", text: `I don't know “${echo(word)}”.` }, ...(help.blocks ?? [])],
  };
}

/** Every command as typed after "/cluster", with what it does: the list a message box completes. */
export function commandList(): { words: string; hint: string }[] {
  return [...facilitatorCommands, ...everyoneCommands].map(([command, hint]) => ({
    words: command.replace(/^\/cluster\s+/, ""),
    hint: hint.replace(/^\d\. /, ""),
  }));
}
