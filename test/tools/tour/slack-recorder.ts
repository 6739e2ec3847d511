// What changed on each person's Slack screens since the last step of the tour: the modals and home tabs as they
// stand, each new or rewritten DM, each private answer, each bot post in a channel or a thread.
import type { SlackStandIn } from "../../standins/slack/index.ts";
import type { TourSurface } from "./surface.ts";

function dms(slack: SlackStandIn, userId: string) {
  return slack.state.messagesIn(slack.state.imWith(userId).id);
}

/** The text a person typed into each field of a modal (Slack keeps it when the submission is refused). */
function typed(values: unknown): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries((values ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const state of Object.values(actions ?? {})) {
      const value = (state as { value?: unknown; selected_option?: { text?: { text?: string } } } | null) ?? {};
      const text = typeof value.value === "string" ? value.value : value.selected_option?.text?.text;
      if (text) shown[blockId] = text;
    }
  }
  return shown;
}

/** Records, after each step, what people see that they did not see before. `names`: Slack user id → name. */
export function surfaceRecorder(slack: SlackStandIn, names: Record<string, string>) {
  const surfaces: TourSurface[] = [];
  const seen = new Map<string, string>();
  let ephemerals = 0;
  let responses = 0;
  const add = (surface: Omit<TourSurface, "index">) => surfaces.push({ index: surfaces.length + 1, ...surface });
  /** True when `key` shows something new. */
  const changed = (key: string, content: unknown) => {
    const json = JSON.stringify(content);
    if (seen.get(key) === json) return false;
    seen.set(key, json);
    return true;
  };
  const takePeople = (step: string, refused?: { action?: string; errors?: Record<string, string> }) => {
    for (const [userId, who] of Object.entries(names)) {
      const view = slack.state.topView(userId);
      if (view && (changed(`view:${userId}`, view.blocks) || refused?.action === "errors")) {
        add({
          step,
          who,
          kind: "modal",
          title: view.title?.text ?? "",
          blocks: view.blocks,
          ...(refused?.action === "errors" && refused.errors
            ? { errors: refused.errors, values: typed(view.state.values) }
            : {}),
          ...(view.submit ? { submit: view.submit.text } : {}),
          ...(view.close ? { close: view.close.text } : {}),
        });
      } else if (!view) seen.delete(`view:${userId}`);
      const home = slack.state.homeView(userId);
      if (home && changed(`home:${userId}`, home.blocks)) {
        add({ step, who, kind: "home", title: "Home", blocks: home.blocks });
      }
      for (const message of dms(slack, userId)) {
        const key = `dm:${message.ts}`;
        const edited = seen.has(key);
        if (changed(key, [message.text, message.blocks]))
          add({ step, who, kind: "message", title: message.text, blocks: message.blocks ?? [], edited });
      }
    }
  };
  const takeChannels = (step: string) => {
    const bot = slack.state.identity.botUserId;
    for (const channel of slack.state.channels.values()) {
      if (channel.kind === "im") continue;
      for (const message of slack.state.messagesIn(channel.id)) {
        if (message.user !== bot) continue;
        const key = `post:${channel.id}:${message.ts}`;
        const edited = seen.has(key);
        if (!changed(key, [message.text, message.blocks, message.files])) continue;
        add({
          step,
          who: `#${channel.name}`,
          kind: "post",
          title: message.text,
          blocks: message.blocks ?? [],
          edited,
          ...(message.thread_ts && message.thread_ts !== message.ts ? { inThread: true } : {}),
          ...(message.files?.length
            ? { files: message.files.map(({ name, title, size }) => ({ name, title, size })) }
            : {}),
        });
      }
    }
  };
  const takePrivateAnswers = (step: string) => {
    for (const post of slack.state.ephemerals.slice(ephemerals)) {
      add({ step, who: names[post.user] ?? post.user, kind: "private", title: post.text, blocks: post.blocks ?? [] });
    }
    ephemerals = slack.state.ephemerals.length;
    for (const post of slack.state.responseUrlPosts.slice(responses)) {
      // An ephemeral answer through the response URL is in the ephemerals already.
      if (post.outcome === "ephemeral" || post.outcome === "rejected") continue;
      const body = post.body as { text?: string; blocks?: unknown[] };
      add({
        step,
        who: names[post.userId] ?? post.userId,
        kind: "private",
        title: body.text ?? "",
        blocks: body.blocks ?? [],
      });
    }
    responses = slack.state.responseUrlPosts.length;
  };
  return {
    surfaces,
    take(step: string, result: unknown) {
      const refused = (result as { responseAction?: { action?: string; errors?: Record<string, string> } } | undefined)
        ?.responseAction;
      takePeople(step, refused);
      takeChannels(step);
      takePrivateAnswers(step);
    },
  };
}
