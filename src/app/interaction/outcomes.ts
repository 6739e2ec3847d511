// Replies the core makes itself: a refusal (or a failure) shown where the person is, and the private note that an
// answer acknowledged early could not be saved, with what they typed.
import type { RawValues } from "../../core/forms/spec.ts";
import type { Message } from "../../core/screens/message.ts";
import type { PanelScreen } from "../../core/screens/screens.ts";
import type { Interaction } from "./interaction.ts";
import { type Reply, reply } from "./reply.ts";

export const somethingWentWrong = "Something went wrong on our side. Please try again in a moment.";
export const databaseUnreachable =
  "Clusterbot cannot reach its database just now; nothing was changed, try again in a minute.";

/** A short notice on top of the screen the person is on. */
export function noticeScreen(text: string): PanelScreen {
  return {
    kind: "panel",
    id: "notice",
    title: "Not possible",
    blocks: [{ kind: "text", text }],
    closeLabel: "Back",
    context: {},
  };
}

/**
 * Why the person may not do that, where they are: next to the form they submitted, on top of the screen whose
 * button they pressed (not in a message behind it), privately after a command or a message's button.
 */
export function refusalReply(interaction: Interaction, text: string): Reply {
  switch (interaction.kind) {
    case "command":
    case "files-shared":
      return reply.message(text);
    case "action":
      return interaction.where === "screen" ? reply.push(noticeScreen(text)) : reply.message(text);
    case "submit":
      return reply.errors({}, text);
    case "suggest":
      return reply.suggestions([]);
    case "home":
      return reply.home({ kind: "panel", id: "home", title: "Home", blocks: [{ kind: "text", text }], context: {} });
    case "closed":
    case "thread-message":
    case "channel-message":
      return reply.none();
  }
}

/** What a reply that was meant to keep a form open says, in one line. */
export function reasonOf(refused: Reply): string {
  if (refused.kind === "errors") return refused.summary ?? Object.values(refused.errors).join(" ");
  // The form again with a summary: someone saved first (optimistic versions).
  if (refused.kind === "update" && refused.screen.kind === "form" && refused.screen.errorSummary)
    return refused.screen.errorSummary;
  return somethingWentWrong;
}

/** Nothing typed is lost: the note repeats the answer that could not be saved. */
export function notSavedMessage(reason: string, values: RawValues): Message {
  const typed = Object.values(values).flatMap((value) =>
    typeof value === "string" ? [value] : Array.isArray(value) ? value : [],
  );
  const kept = typed.filter((value) => value.trim() !== "");
  return {
    summary: `Your answer could not be saved: ${reason}`,
    blocks: [
      { kind: "text", text: `Your answer could not be saved: ${reason}` },
      ...(kept.length > 0
        ? [
            { kind: "heading" as const, text: "What you typed" },
            { kind: "list" as const, items: kept.map((text) => ({ text })) },
          ]
        : []),
    ],
  };
}
