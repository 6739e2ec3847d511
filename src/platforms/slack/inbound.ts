// Slack payloads → the neutral Incoming, narrowed with zod (a signed payload can still carry anything), plus what
// the conversation needs to answer in the right place (trigger, channel, the view and the one underneath).
import { z } from "zod";
import type { Incoming, Interaction, Origin } from "../../app/interaction/interaction.ts";
import { decodeContext } from "../../core/screens/context.ts";
import { slackPlainText } from "./plain-text.ts";
import { readStateValues, submitActionKey } from "./state-values.ts";

/** Where a request came from in Slack's UI: what the conversation answers through. */
export interface SlackPlace {
  userId: string;
  triggerId?: string;
  /** The channel of the message whose button was pressed, or of the command. */
  channelId?: string;
  /** The message whose button was pressed. */
  messageTs?: string;
  /** The view the request came from. */
  view?: { id: string; type: string; hash?: string; underneath?: string; inputBlockIds: string[] };
}

export interface SlackIncoming {
  incoming: Incoming;
  place: SlackPlace;
}

const id = z.string().min(1).max(255);

/** The screen-context key under which a modal opened by a command keeps that command's channel. */
export const commandChannelKey = "slackChannel";

/** The command channel a modal remembers, as a place field. */
function commandChannel(privateMetadata: string | undefined): { channelId?: string } {
  const channel = decodeContext(privateMetadata)[commandChannelKey];
  return typeof channel === "string" && /^[A-Z0-9]{1,40}$/.test(channel) ? { channelId: channel } : {};
}

const viewSchema = z.looseObject({
  id,
  type: z.string().default("modal"),
  callback_id: z.string().max(255).default(""),
  team_id: z.string().nullish(),
  hash: z.string().max(255).optional(),
  private_metadata: z.string().optional(),
  root_view_id: z.string().nullish(),
  previous_view_id: z.string().nullish(),
  blocks: z.array(z.unknown()).default([]),
  state: z.looseObject({ values: z.unknown() }).optional(),
});
type SlackView = z.infer<typeof viewSchema>;

const inputBlockSchema = z.object({ type: z.literal("input"), block_id: z.string() });

const interactionBase = {
  user: z.looseObject({ id, team_id: z.string().nullish() }),
  team: z.looseObject({ id: z.string().optional() }).nullish(),
  trigger_id: z.string().optional(),
};

const commandSchema = z.looseObject({
  text: z.string().default(""),
  user_id: id,
  team_id: id,
  channel_id: id,
  trigger_id: z.string(),
});

const actionSchema = z.looseObject({
  ...interactionBase,
  container: z.looseObject({ type: z.string(), message_ts: z.string().max(40).optional() }).optional(),
  channel: z.looseObject({ id: z.string() }).nullish(),
  view: viewSchema.optional(),
  actions: z
    .array(
      z.looseObject({
        action_id: z.string().max(255),
        value: z.string().max(2000).optional(),
        selected_option: z.looseObject({ value: z.string().max(2000) }).nullish(),
      }),
    )
    .min(1),
});

const viewPayloadSchema = z.looseObject({ ...interactionBase, view: viewSchema });

const suggestionSchema = z.looseObject({
  ...interactionBase,
  action_id: z.string().max(255),
  value: z.string().max(2000).default(""),
  view: viewSchema.optional(),
});

const homeEventSchema = z.looseObject({
  team_id: z.string().optional(),
  event_id: id,
  event: z.looseObject({ user: id, tab: z.string().optional() }),
});

function origin(workspace: string | null | undefined, user: string): Origin | undefined {
  return workspace ? { platform: "slack", workspace, user } : undefined;
}

/** The team a payload belongs to: Slack puts it in different places per payload type. */
function teamOf(body: { team?: { id?: string } | null; user: { team_id?: string | null } }, view?: SlackView) {
  return body.team?.id || body.user.team_id || view?.team_id || undefined;
}

function placeOf(view: SlackView | undefined) {
  if (!view) return undefined;
  const underneath = view.previous_view_id ?? (view.root_view_id !== view.id ? view.root_view_id : undefined);
  return {
    id: view.id,
    type: view.type,
    ...(view.hash ? { hash: view.hash } : {}),
    ...(underneath ? { underneath } : {}),
    inputBlockIds: view.blocks.flatMap((block) => {
      const parsed = inputBlockSchema.safeParse(block);
      return parsed.success ? [parsed.data.block_id] : [];
    }),
  };
}

function incoming(who: Origin | undefined, interaction: Interaction, place: SlackPlace): SlackIncoming | undefined {
  return who ? { incoming: { origin: who, interaction }, place } : undefined;
}

export function commandIncoming(body: unknown): SlackIncoming | undefined {
  const command = commandSchema.safeParse(body);
  if (!command.success) return undefined;
  const { team_id, user_id, channel_id, trigger_id, text } = command.data;
  // A command has no event id; its trigger id is unique to one invocation, so a redelivered request is run once.
  const who = origin(team_id, user_id);
  return incoming(
    who && { ...who, deliveryId: `command-${trigger_id}` },
    { kind: "command", text, channelId: channel_id },
    { userId: user_id, triggerId: trigger_id, channelId: channel_id },
  );
}

/** Slack wants action ids unique within a block, so our renderer may add "#n" to repeated ones: drop it. */
function ourActionId(actionId: string): string {
  return actionId.replace(/#\d+$/, "");
}

export function actionIncoming(body: unknown): SlackIncoming | undefined {
  const parsed = actionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const payload = parsed.data;
  const [action] = payload.actions;
  if (!action) return undefined;
  const view = payload.view;
  const where = !view ? "message" : view.type === "home" ? "home" : "screen";
  const place = placeOf(view);
  return incoming(
    origin(teamOf(payload, view), payload.user.id),
    {
      kind: "action",
      actionId: ourActionId(action.action_id),
      value: action.value ?? action.selected_option?.value ?? "",
      where,
      ...(where === "screen" && view ? { screenId: view.callback_id } : {}),
      context: decodeContext(view?.private_metadata),
    },
    {
      userId: payload.user.id,
      ...(payload.trigger_id ? { triggerId: payload.trigger_id } : {}),
      ...(payload.channel?.id ? { channelId: payload.channel.id } : {}),
      ...(!view && payload.container?.message_ts ? { messageTs: payload.container.message_ts } : {}),
      ...(place ? { view: place } : {}),
    },
  );
}

export function submissionIncoming(body: unknown): SlackIncoming | undefined {
  const parsed = viewPayloadSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { view, user } = parsed.data;
  const { values, action } = readStateValues(view.state?.values);
  const place = placeOf(view);
  const context = decodeContext(view.private_metadata);
  // A form whose one remaining way to submit is Slack's submit button carries that way in its metadata.
  const carried = context[submitActionKey];
  return incoming(
    origin(teamOf(parsed.data, view), user.id),
    {
      kind: "submit",
      formId: view.callback_id,
      action: action ?? (typeof carried === "string" ? carried : null),
      values,
      context,
      submissionId: `${view.id}:${view.hash ?? ""}`,
    },
    { userId: user.id, ...commandChannel(view.private_metadata), ...(place ? { view: place } : {}) },
  );
}

export function closedIncoming(body: unknown): SlackIncoming | undefined {
  const parsed = viewPayloadSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { view, user } = parsed.data;
  const place = placeOf(view);
  return incoming(
    origin(teamOf(parsed.data, view), user.id),
    {
      kind: "closed",
      formId: view.callback_id,
      values: readStateValues(view.state?.values).values,
      context: decodeContext(view.private_metadata),
    },
    { userId: user.id, ...(place ? { view: place } : {}) },
  );
}

export function suggestionIncoming(body: unknown): SlackIncoming | undefined {
  const parsed = suggestionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { view, user } = parsed.data;
  return incoming(
    origin(teamOf(parsed.data, view), user.id),
    {
      kind: "suggest",
      formId: view?.callback_id ?? "",
      fieldId: parsed.data.action_id,
      query: parsed.data.value,
      context: decodeContext(view?.private_metadata),
    },
    { userId: user.id },
  );
}

/** A message event from a person in a channel, as `message.channels` / `message.groups` deliver it. */
const personMessage = {
  type: z.literal("message"),
  subtype: z.string().optional(),
  bot_id: z.string().nullish(),
  user: id,
  team: z.string().optional(),
  channel: id,
  ts: id,
};

const threadMessageSchema = z.looseObject({
  team_id: z.string().optional(),
  event_id: id,
  event: z.looseObject({ ...personMessage, thread_ts: id, text: z.string().max(50_000).default("") }),
});

/**
 * A person's reply in a thread of a channel the bot is in. Top-level messages, the bot's own, edits and other
 * subtypes are not for the core (only "thread_broadcast", a reply also sent to the channel, is a reply too).
 */
export function threadMessageIncoming(body: unknown): SlackIncoming | undefined {
  const parsed = threadMessageSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { team_id, event_id, event } = parsed.data;
  if (event.bot_id || event.thread_ts === event.ts) return undefined;
  if (event.subtype !== undefined && event.subtype !== "thread_broadcast") return undefined;
  const who = origin(team_id ?? event.team, event.user);
  return incoming(
    who && { ...who, deliveryId: event_id },
    {
      kind: "thread-message",
      channelId: event.channel,
      threadId: event.thread_ts,
      messageId: event.ts,
      text: slackPlainText(event.text),
    },
    { userId: event.user, channelId: event.channel },
  );
}

const channelMessageSchema = z.looseObject({
  team_id: z.string().optional(),
  event_id: id,
  event: z.looseObject({
    ...personMessage,
    channel_type: z.enum(["channel", "group"]),
    thread_ts: z.string().optional(),
  }),
});

/** A person's top-level message in a channel (not a DM, not in a thread): for the core, only that it was said. */
export function channelMessageIncoming(body: unknown): SlackIncoming | undefined {
  const parsed = channelMessageSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { team_id, event_id, event } = parsed.data;
  if (event.bot_id || (event.thread_ts !== undefined && event.thread_ts !== event.ts)) return undefined;
  // A plain message or one with a file; not joins, topic changes and other channel notices.
  if (event.subtype !== undefined && event.subtype !== "file_share") return undefined;
  const who = origin(team_id ?? event.team, event.user);
  return incoming(
    who && { ...who, deliveryId: event_id },
    { kind: "channel-message", channelId: event.channel, messageId: event.ts },
    { userId: event.user, channelId: event.channel },
  );
}

const changedMessage = z.looseObject({
  user: id,
  ts: id,
  thread_ts: id,
  text: z.string().max(50_000).default(""),
  bot_id: z.string().nullish(),
});

const threadMessageChangeSchema = z.looseObject({
  team_id: z.string().optional(),
  event_id: id,
  event: z.looseObject({
    type: z.literal("message"),
    subtype: z.enum(["message_changed", "message_deleted"]),
    channel: id,
    message: changedMessage.optional(),
    previous_message: changedMessage.optional(),
  }),
});

/**
 * A thread reply edited (`message_changed`, the new text in `message`) or deleted (`message_deleted`, the reply in
 * `previous_message`) by its author; the core decides whether it was a work-plan item's source.
 */
export function threadMessageChangeIncoming(body: unknown): SlackIncoming | undefined {
  const parsed = threadMessageChangeSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { team_id, event_id, event } = parsed.data;
  const deleted = event.subtype === "message_deleted";
  const message = deleted ? event.previous_message : event.message;
  if (!message || message.bot_id || message.thread_ts === message.ts) return undefined;
  // An edit that changed nothing we read (Slack also sends message_changed when it unfurls a link).
  if (!deleted && event.previous_message && event.previous_message.text === message.text) return undefined;
  const who = origin(team_id, message.user);
  return incoming(
    who && { ...who, deliveryId: event_id },
    {
      kind: "thread-message",
      channelId: event.channel,
      threadId: message.thread_ts,
      messageId: message.ts,
      text: deleted ? "" : slackPlainText(message.text),
      change: deleted ? "deleted" : "edited",
    },
    { userId: message.user, channelId: event.channel },
  );
}

const fileShareSchema = z.looseObject({
  team_id: z.string().optional(),
  event_id: id,
  event: z.looseObject({
    type: z.literal("message"),
    subtype: z.literal("file_share"),
    channel_type: z.literal("im"),
    bot_id: z.string().nullish(),
    user: id,
    team: z.string().optional(),
    channel: id,
    files: z
      .array(
        z.looseObject({
          name: z.string().min(1).max(255),
          size: z.number().int().nonnegative().default(0),
          url_private_download: z.url(),
        }),
      )
      .min(1)
      .max(20),
  }),
});

/**
 * Files a person shared in their direct message with the bot. The contents are downloaded only when the core reads
 * them (after it checked who shared them), with `download`.
 */
export function filesSharedIncoming(
  body: unknown,
  download: (url: string, maxBytes: number) => Promise<Uint8Array | "too-large" | "unavailable">,
): SlackIncoming | undefined {
  const parsed = fileShareSchema.safeParse(body);
  if (!parsed.success || parsed.data.event.bot_id) return undefined;
  const { team_id, event_id, event } = parsed.data;
  const who = origin(team_id ?? event.team, event.user);
  return incoming(
    who && { ...who, deliveryId: event_id },
    {
      kind: "files-shared",
      files: event.files.map((file) => ({
        name: file.name,
        size: file.size,
        read: (maxBytes: number) => download(file.url_private_download, maxBytes),
      })),
    },
    { userId: event.user, channelId: event.channel },
  );
}

/** The App Home tab opened (the Messages tab is not ours to draw). */
export function homeIncoming(body: unknown): SlackIncoming | undefined {
  const parsed = homeEventSchema.safeParse(body);
  if (!parsed.success || (parsed.data.event.tab ?? "home") !== "home") return undefined;
  const { team_id, event_id, event } = parsed.data;
  const who = origin(team_id, event.user);
  return incoming(who && { ...who, deliveryId: event_id }, { kind: "home" }, { userId: event.user });
}
