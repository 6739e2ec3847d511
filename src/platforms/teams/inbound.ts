// Teams activities → the neutral Incoming, narrowed with zod (a signed activity can still carry anything), plus
// what the conversation needs to answer in the right place. Typed text in a 1:1 chat, or an @mention of the bot
// in a channel, is a command with the same words as `/cluster` in Slack ("cluster status", "status"); a dialog's
// task/fetch, task/submit and a card's adaptiveCard/action carry our data back; a type-ahead asks for options.
import { z } from "zod";
import type { Incoming, Interaction, Origin } from "../../app/interaction/interaction.ts";
import type { FieldSpec, RawValues } from "../../core/forms/spec.ts";
import { decodeContext } from "../../core/screens/context.ts";
import { submitKey } from "./cards/form-card.ts";
import { readFields } from "./cards/form-values.ts";
import { personExternalId, tenantOf } from "./conversation-ref.ts";
import type { TeamsFileDownload } from "./file-download.ts";
import { teamsPlainText } from "./plain-text.ts";
import { actionKey } from "./render/blocks.ts";
import { replayKey } from "./render/message.ts";
import { suggestPrefix } from "./render/screens.ts";
import { splitConversationId } from "./thread-id.ts";

/** Where an activity came from: what the conversation answers through. */
export interface TeamsPlace {
  /** The person's id on our side (AAD object id). */
  userId: string;
  tenantId: string;
  /** A 1:1 chat with the bot (private answers can go right there). */
  personal: boolean;
  /** The person's time zone as the activity reports it. */
  timeZone: string;
}

export interface TeamsIncoming {
  incoming: Incoming;
  place: TeamsPlace;
  /** For a core form's submission: the key of the drawn screen (to draw it again with field errors). */
  drawn?: string;
}

/** The SDK's activity, as far as this module reads it (checked by activity-envelope.ts before the SDK ran). */
export interface InboundActivity {
  id?: string;
  text?: string;
  value?: unknown;
  localTimezone?: string;
  from: { id: string; aadObjectId?: string; name?: string };
  recipient: { id: string; name?: string };
  conversation: { id: string; conversationType?: string; tenantId?: string };
  channelData?: { tenant?: { id: string }; channel?: { id: string } };
  entities?: { type: string; mentioned?: { id?: string } }[];
  attachments?: unknown[];
}

const text = z.string().max(2000);
const id = z.string().min(1).max(255);

const actionData = z.object({
  actionId: id,
  value: text.default(""),
  where: z.enum(["message", "screen", "home"]),
  screenId: id.optional(),
  context: z.string().max(3000).optional(),
});

const replayData = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("command"), text }),
  z.object({ kind: z.literal("action"), actionId: id, value: text }),
]);

const formData = z.object({
  form: id,
  action: id,
  context: z.object({
    screen: z.string().max(3000),
    fields: z.string().max(20_000),
    single: z.string(),
    drawn: z.string().max(64).default(""),
  }),
});

const fieldKinds = z.record(
  z.string().max(255),
  z.enum(["text", "longText", "number", "choice", "choices", "people", "channel", "datetime", "search"]),
);

const suggestData = z.object({ f: id, i: id, c: z.string().max(3000) });
const searchValue = z.looseObject({ dataset: z.string().max(4000), queryText: z.string().max(500).default("") });

function placeOf(activity: InboundActivity): { origin: Origin; place: TeamsPlace } | undefined {
  const tenantId = tenantOf(activity);
  if (!tenantId || activity.from.id === activity.recipient.id) return undefined;
  const userId = personExternalId(activity.from);
  return {
    origin: { platform: "teams", workspace: tenantId, user: userId },
    place: {
      userId,
      tenantId,
      personal: (activity.conversation.conversationType ?? "personal") === "personal",
      timeZone: activity.localTimezone ?? "UTC",
    },
  };
}

function incoming(
  activity: InboundActivity,
  interaction: Interaction,
  options: { delivery?: boolean; drawn?: string } = {},
): TeamsIncoming | undefined {
  const where = placeOf(activity);
  if (!where) return undefined;
  // A redelivered activity (Teams retries when our answer was late) is handled once: its id is the delivery id.
  const deliveryId = options.delivery && activity.id ? `${where.place.tenantId}:${activity.id}` : undefined;
  return {
    incoming: { origin: { ...where.origin, ...(deliveryId ? { deliveryId } : {}) }, interaction },
    place: where.place,
    ...(options.drawn ? { drawn: options.drawn } : {}),
  };
}

/** A file attached in a 1:1 chat, as Teams describes it to a bot whose manifest says `supportsFiles`. */
const fileAttachment = z.looseObject({
  contentType: z.literal("application/vnd.microsoft.teams.file.download.info"),
  name: z.string().min(1).max(255),
  content: z.looseObject({ downloadUrl: z.string().min(1).max(8192) }),
});

/** An image pasted into a message (Teams sends `image/*` with a link that needs the bot's token). */
const imageAttachment = z.looseObject({ contentType: z.string().regex(/^image\//) });

/** What the core is told an image pasted into the message is called (it is never downloaded). */
export const pastedImageName = "the pasted image";

/**
 * Files a person attached in their 1:1 chat with the bot (Slack's DM): the core's files-shared, downloaded from
 * `content.downloadUrl` with `download` only when the core reads them, after it checked who shared them. Words
 * typed with the files are not a command. An image pasted into the message with no words (an `image/*`
 * attachment, not a file) is a shared file too, so the person hears what the chat takes; it is never fetched.
 * Files in a channel or a group chat are not for the bot (Teams does not hand them over either): undefined, and
 * the message is read as any other.
 */
export function filesSharedIncoming(activity: InboundActivity, download: TeamsFileDownload): TeamsIncoming | undefined {
  if ((activity.conversation.conversationType ?? "personal") !== "personal") return undefined;
  const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
  const files = attachments.flatMap((attachment) => {
    const file = fileAttachment.safeParse(attachment);
    return file.success ? [file.data] : [];
  });
  if (files.length > 0)
    return incoming(
      activity,
      {
        kind: "files-shared",
        files: files.slice(0, 20).map((file) => ({
          name: file.name,
          read: (maxBytes: number) => download(file.content.downloadUrl, maxBytes),
        })),
      },
      { delivery: true },
    );
  const pasted = attachments.some((attachment) => imageAttachment.safeParse(attachment).success);
  if (!pasted || teamsPlainText(activity.text ?? "", activity.recipient.name) !== "") return undefined;
  const never = async (): Promise<never> => {
    throw new Error("a pasted image is never downloaded");
  };
  return incoming(
    activity,
    { kind: "files-shared", files: [{ name: pastedImageName, read: never }] },
    { delivery: true },
  );
}

/** "cluster status", "/cluster status", "@Clusterbot cluster status" → "status"; anything else is the command text. */
export function commandText(typed: string): string {
  return withoutMentions(typed)
    .replace(/^\/?cluster(?:\s+|$)/i, "")
    .trim();
}

function withoutMentions(typed: string): string {
  return typed
    .replace(/<at>[^<]*<\/at>/gi, " ")
    .replace(/&nbsp;/g, " ")
    .trim();
}

/**
 * A message to the bot: in a 1:1 chat any text is a command; in a channel, a post that @mentions the bot is one.
 * A reply in a channel post's thread (conversation "<channel>;messageid=<post>") is a thread message for the core
 * (a working group's prompt thread), unless it @mentions the bot with a command ("@Clusterbot cluster workplan").
 * A new top-level post without a mention is a channel message (the group's activity, its text unread).
 * Teams sends channel messages without a mention because the app asks for `ChannelMessage.Read.Group`.
 */
export function messageIncoming(activity: InboundActivity): TeamsIncoming | undefined {
  const typed = text.safeParse(activity.text ?? "");
  const personal = (activity.conversation.conversationType ?? "personal") === "personal";
  if (!typed.success)
    return personal ? incoming(activity, { kind: "command", text: "" }, { delivery: true }) : undefined;
  const mentioned = (activity.entities ?? []).some(
    (entity) => entity.type === "mention" && entity.mentioned?.id === activity.recipient.id,
  );
  const thread = personal ? undefined : threadOf(activity);
  const command = mentioned && isClusterCommand(typed.data);
  // A new top-level post: Teams names its conversation after the post itself (`<channel>;messageid=<its id>`).
  const topLevel = activity.conversation.conversationType === "channel" && (!thread || thread.threadId === activity.id);
  if (topLevel && !command) {
    if (mentioned) return commandIncoming(activity, typed.data);
    const channelId = channelOf(activity);
    if (!activity.id || !channelId) return undefined;
    return incoming(activity, { kind: "channel-message", channelId, messageId: activity.id }, { delivery: true });
  }
  if (thread && !topLevel && !command) {
    if (!activity.id) return undefined;
    return incoming(
      activity,
      {
        kind: "thread-message",
        channelId: thread.channelId,
        threadId: thread.threadId,
        messageId: activity.id,
        text: teamsPlainText(typed.data, activity.recipient.name),
      },
      { delivery: true },
    );
  }
  if (!personal && !mentioned) return undefined;
  // No personal tab: "home" typed in the 1:1 chat is the person opening the bot's home (Slack's App Home).
  if (personal && commandText(typed.data).toLowerCase() === "home")
    return incoming(activity, { kind: "home" }, { delivery: true });
  return commandIncoming(activity, typed.data);
}

function commandIncoming(activity: InboundActivity, typed: string): TeamsIncoming | undefined {
  // Typed in a channel (or a thread of one): files the command makes are shared there.
  const channelId = activity.conversation.conversationType === "channel" ? channelOf(activity) : undefined;
  return incoming(
    activity,
    { kind: "command", text: commandText(typed), ...(channelId ? { channelId } : {}) },
    { delivery: true },
  );
}

/** The channel and the post a channel reply answers, when the activity is a reply in a thread. */
function threadOf(activity: InboundActivity): { channelId: string; threadId: string } | undefined {
  if (activity.conversation.conversationType !== "channel") return undefined;
  const { threadId } = splitConversationId(activity.conversation.id);
  const channelId = channelOf(activity);
  if (!threadId || !channelId || !id.safeParse(threadId).success) return undefined;
  return { channelId, threadId };
}

/** A channel activity's channel: channelData names it; the conversation id without its thread says the same. */
function channelOf(activity: InboundActivity): string | undefined {
  const channel = id.safeParse(
    activity.channelData?.channel?.id || splitConversationId(activity.conversation.id).conversationId,
  );
  return channel.success ? channel.data : undefined;
}

function isClusterCommand(typed: string): boolean {
  return /^\/?cluster(?:\s|$)/i.test(withoutMentions(typed));
}

/** What a pressed button carries, on a message (task/fetch), in a dialog (task/submit) or a card (Action.Execute). */
function pressed(data: unknown): Interaction | undefined {
  if (!isRecord(data)) return undefined;
  const action = actionData.safeParse(data[actionKey]);
  if (action.success) {
    const { actionId, value, where, screenId, context } = action.data;
    return {
      kind: "action",
      actionId,
      value,
      where,
      ...(where === "screen" && screenId ? { screenId } : {}),
      context: decodeContext(context),
    };
  }
  const replay = replayData.safeParse(data[replayKey]);
  if (!replay.success) return undefined;
  return replay.data.kind === "command"
    ? { kind: "command", text: replay.data.text }
    : { kind: "action", actionId: replay.data.actionId, value: replay.data.value, where: "message", context: {} };
}

function invokeData(activity: InboundActivity): unknown {
  return isRecord(activity.value) ? activity.value.data : undefined;
}

/** task/fetch: a message's button (or an "Open" card) asks for a dialog. */
export function dialogOpenIncoming(activity: InboundActivity): TeamsIncoming | undefined {
  const interaction = pressed(invokeData(activity));
  return interaction ? incoming(activity, interaction, { delivery: true }) : undefined;
}

/** task/submit: a core form submitted, or a button pressed on a panel in a dialog. */
export function dialogSubmitIncoming(activity: InboundActivity): TeamsIncoming | undefined {
  const data = invokeData(activity);
  if (!isRecord(data)) return undefined;
  const form = formData.safeParse(data[submitKey]);
  if (!form.success) {
    const interaction = pressed(data);
    return interaction ? incoming(activity, interaction, { delivery: true }) : undefined;
  }
  const kinds = parseKinds(form.data.context.fields);
  if (!kinds) return undefined;
  const timeZone = activity.localTimezone ?? "UTC";
  const values = coreValues(
    readFields(kinds, data, timeZone),
    kinds.filter((field) => field.kind === "datetime").map((field) => field.id),
  );
  return incoming(
    activity,
    {
      kind: "submit",
      formId: form.data.form,
      action: form.data.context.single === "1" ? null : form.data.action,
      values,
      context: decodeContext(form.data.context.screen),
      ...(activity.id ? { submissionId: activity.id } : {}),
    },
    // Not de-duplicated by delivery: a submission may be answered before anything is written (ack-first); the
    // use cases save idempotently, and the submission id names a replay.
    { drawn: form.data.context.drawn },
  );
}

/** adaptiveCard/action (Action.Execute) with our data. */
export function cardActionIncoming(activity: InboundActivity): TeamsIncoming | undefined {
  const value = isRecord(activity.value) ? activity.value : {};
  const action = isRecord(value.action) ? value.action : {};
  const interaction = pressed(action.data);
  return interaction ? incoming(activity, interaction, { delivery: true }) : undefined;
}

/** application/search for a core form's type-ahead field; undefined for other datasets. */
export function searchIncoming(activity: InboundActivity): TeamsIncoming | undefined {
  const value = searchValue.safeParse(activity.value);
  if (!value.success || !value.data.dataset.startsWith(suggestPrefix)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value.data.dataset.slice(suggestPrefix.length), "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const target = suggestData.safeParse(decoded);
  if (!target.success) return undefined;
  return incoming(activity, {
    kind: "suggest",
    formId: target.data.f,
    fieldId: target.data.i,
    query: value.data.queryText,
    context: decodeContext(target.data.c),
  });
}

function parseKinds(fields: string): Pick<FieldSpec, "id" | "kind">[] | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(fields);
  } catch {
    return undefined;
  }
  const kinds = fieldKinds.safeParse(decoded);
  return kinds.success ? Object.entries(kinds.data).map(([fieldId, kind]) => ({ id: fieldId, kind })) : undefined;
}

/** The card reader gives a date-time as seconds since the epoch; the core reads an ISO 8601 instant. */
function coreValues(values: RawValues, dateTimeIds: string[]): RawValues {
  const read: RawValues = { ...values };
  for (const fieldId of dateTimeIds) {
    const seconds = values[fieldId];
    read[fieldId] = typeof seconds === "number" ? new Date(seconds * 1000).toISOString() : null;
  }
  return read;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
