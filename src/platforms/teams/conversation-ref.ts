// Conversation references: what a bot must keep to write to a person, a channel or a group chat later
// (proactively). Built from an inbound activity, stored as JSON on PlatformUser / PlatformChannel rows, and read
// back through this schema, so a row written by an older version is refused plainly rather than half-used.
import { z } from "zod";

export const conversationKinds = ["personal", "channel", "groupChat"] as const;

export const conversationReference = z.object({
  serviceUrl: z.string().min(1),
  tenantId: z.string().min(1),
  conversationId: z.string().min(1),
  kind: z.enum(conversationKinds),
  botId: z.string().min(1),
  /** personal: the person the chat is with (Bot Framework id "29:…" and AAD object id). */
  user: z.object({ id: z.string(), aadObjectId: z.string().optional(), name: z.string().optional() }).optional(),
  /** channel: the team it belongs to; `aadGroupId` is the id Graph uses for the team. */
  team: z.object({ id: z.string(), aadGroupId: z.string().optional(), name: z.string().optional() }).optional(),
  channel: z.object({ id: z.string(), name: z.string().optional() }).optional(),
});

export type ConversationReference = z.infer<typeof conversationReference>;

/** The fields of an inbound activity a reference is made from (the SDK's Activity has them all). */
export interface ActivityForReference {
  serviceUrl?: string;
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean; name?: string };
  from: { id: string; aadObjectId?: string; name?: string };
  recipient: { id: string };
  channelData?: {
    tenant?: { id: string };
    team?: { id: string; aadGroupId?: string; name?: string };
    channel?: { id: string; name?: string };
  };
}

export function tenantOf(activity: ActivityForReference): string | undefined {
  return activity.channelData?.tenant?.id ?? activity.conversation.tenantId;
}

/** The reference for the conversation an activity came from; a channel thread is reduced to its channel. */
export function referenceFrom(activity: ActivityForReference): ConversationReference | undefined {
  const tenantId = tenantOf(activity);
  if (!activity.serviceUrl || !tenantId) return undefined;
  const kind = kindOf(activity.conversation.conversationType);
  const conversationId = activity.conversation.id.split(";messageid=")[0] ?? activity.conversation.id;
  const team = activity.channelData?.team;
  const channel = activity.channelData?.channel;
  return {
    serviceUrl: activity.serviceUrl.replace(/\/+$/, ""),
    tenantId,
    conversationId,
    kind,
    botId: activity.recipient.id,
    ...(kind === "personal" ? { user: account(activity.from) } : {}),
    ...(kind === "channel" && team ? { team: withoutUndefined(team) } : {}),
    ...(kind === "channel" && channel ? { channel: withoutUndefined(channel) } : {}),
  };
}

function kindOf(conversationType: string | undefined): ConversationReference["kind"] {
  if (conversationType === "channel") return "channel";
  if (conversationType === "groupChat") return "groupChat";
  return "personal";
}

function account(from: ActivityForReference["from"]) {
  return withoutUndefined({ id: from.id, aadObjectId: from.aadObjectId, name: from.name });
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** A stored reference read back, or undefined when the row has none (or one this version cannot read). */
export function readReference(stored: unknown): ConversationReference | undefined {
  const parsed = conversationReference.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/** The person's id on our side: the AAD object id (what Graph and people pickers use), else the Bot Framework id. */
export function personExternalId(from: { id: string; aadObjectId?: string }): string {
  return from.aadObjectId ?? from.id;
}
