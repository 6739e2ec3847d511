// What changed on each person's Teams screens since the last step of the tour: every activity the bot sent (in a
// 1:1 chat, a channel or a thread; again when it was updated) and every dialog Teams showed (the card of each
// task/fetch or task/submit answer that continues a dialog).
import type { TeamsStandIn } from "../../standins/teams/index.ts";
import type { TeamsSurface } from "./teams-surface.ts";

type Json = Record<string, unknown>;

function firstCard(activity: Json): unknown {
  const attachments = activity.attachments as { contentType?: string; content?: unknown }[] | undefined;
  return attachments?.find((attachment) => attachment.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;
}

/** The dialog a task answer shows, if it continues one. */
function dialogOf(body: unknown): { title: string; card: unknown } | undefined {
  const task = (body as { task?: { type?: string; value?: { title?: string; card?: { content?: unknown } } } })?.task;
  if (task?.type !== "continue" || !task.value?.card?.content) return undefined;
  return { title: task.value.title ?? "", card: task.value.card.content };
}

/** Records, after each step, what people see that they did not see before. `names`: AAD object id → name. */
export function teamsRecorder(teams: TeamsStandIn, names: Record<string, string>) {
  const surfaces: TeamsSurface[] = [];
  const seen = new Map<string, string>();
  let answers = 0;
  const whereSent = (conversationId: string): { who: string; kind: "message" | "post" } => {
    const conversation = teams.state.conversations.get(conversationId);
    if (conversation?.kind === "personal")
      return { who: names[conversation.with] ?? conversation.with, kind: "message" };
    const channel = teams.state.channels.get(conversationId.split(";")[0] ?? "");
    return { who: `#${channel?.displayName ?? "a channel"}`, kind: "post" };
  };
  return {
    surfaces,
    /** Records what changed under `step`; with `record: false`, only notes it as seen (the installation's welcome). */
    take(step: string, record = true) {
      const add = (surface: Omit<TeamsSurface, "index">) => {
        if (record) surfaces.push({ index: surfaces.length + 1, ...surface });
      };
      for (const entry of teams.state.sent) {
        const json = JSON.stringify(entry.activity);
        const edited = seen.has(entry.id);
        if (seen.get(entry.id) === json) continue;
        seen.set(entry.id, json);
        const card = firstCard(entry.activity) as Json | undefined;
        const text = typeof entry.activity.text === "string" ? entry.activity.text : undefined;
        add({
          step,
          ...whereSent(entry.conversationId),
          title: String(card?.fallbackText ?? text ?? ""),
          ...(card ? { card } : {}),
          ...(text ? { text } : {}),
          ...(edited ? { edited } : {}),
          ...(entry.threadRootId ? { inThread: true } : {}),
        });
      }
      for (const answer of teams.state.invokeAnswers.slice(answers)) {
        const dialog = dialogOf(answer.body);
        if (dialog)
          add({
            step,
            who: names[answer.userAadObjectId] ?? answer.userAadObjectId,
            kind: "dialog",
            title: dialog.title,
            card: dialog.card,
          });
      }
      answers = teams.state.invokeAnswers.length;
    },
  };
}
