// The Bot Connector (v3) as Teams runs it: send to a conversation, reply (to an activity or in a channel thread),
// update, open a 1:1 chat, start a channel post. Each call must carry an app token from the stand-in's token
// endpoint (audience api.botframework.com, the bot's app id).
import { type Answer, asRecord, connectorError, json, type Request } from "./http.ts";
import type { ServiceContext } from "./service-context.ts";
import { newId, type SentActivity } from "./state.ts";

const botAudience = "https://api.botframework.com";

export function connector(context: ServiceContext, request: Request): Answer | undefined {
  if (!request.path.startsWith("/v3/conversations")) return undefined;
  const refused = context.authorize(request, botAudience, "connector");
  if (refused) return refused;
  const parts = request.path.split("/").slice(3).map(decodeURIComponent);
  if (parts.length === 0 && request.method === "POST") return createConversation(context, request);
  const [conversationId, what, activityId] = parts;
  if (!conversationId) return undefined;
  if (what === "activities" && request.method === "POST") return send(context, request, conversationId, activityId);
  if (what === "activities" && request.method === "PUT" && activityId)
    return update(context, request, conversationId, activityId);
  if (what === "members" && request.method === "GET") return members(context, conversationId);
  return connectorError(404, "NotFound", `no ${request.method} ${request.path}`);
}

function splitThread(conversationId: string): { base: string; root: string | null } {
  const [base = conversationId, root] = conversationId.split(";messageid=");
  return { base, root: root ?? null };
}

function send(context: ServiceContext, request: Request, conversationId: string, replyTo?: string): Answer {
  const { base, root } = splitThread(conversationId);
  const conversation = context.state.conversations.get(base);
  if (!conversation) return connectorError(404, "ConversationNotFound", "Conversation not found.");
  if (conversation.kind === "personal" && context.uninstalledFor.has(conversation.with))
    return connectorError(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
  const activity = asRecord(request.json());
  const problem = checkActivity(activity);
  if (problem) return connectorError(400, "BadArgument", problem);
  // In a channel, replying to a post (by activity id or ";messageid=") continues its thread.
  const rootId = conversation.kind === "channel" ? (root ?? threadOf(context, base, replyTo)) : null;
  if (rootId && !context.state.sentTo(base).some((entry) => entry.id === rootId) && !context.knownPosts.has(rootId))
    return connectorError(404, "MessageNotFound", "The message to reply to was not found.");
  const entry = record(context, base, rootId, activity);
  return json(201, { id: entry.id });
}

function threadOf(context: ServiceContext, channelId: string, replyTo?: string): string | null {
  if (!replyTo) return null;
  const parent = context.state.sentTo(channelId).find((entry) => entry.id === replyTo);
  return parent?.threadRootId ?? replyTo;
}

function update(context: ServiceContext, request: Request, conversationId: string, activityId: string): Answer {
  const { base } = splitThread(conversationId);
  const entry = context.state.sentTo(base).find((sent) => sent.id === activityId);
  if (!entry) return connectorError(404, "MessageNotFound", "The activity to update was not found.");
  const activity = asRecord(request.json());
  const problem = checkActivity(activity);
  if (problem) return connectorError(400, "BadArgument", problem);
  entry.updates.push(activity);
  entry.activity = { ...activity, id: activityId };
  return json(200, { id: activityId });
}

function createConversation(context: ServiceContext, request: Request): Answer {
  const body = asRecord(request.json());
  const channelData = asRecord(body.channelData);
  const tenantId = String(body.tenantId ?? asRecord(channelData.tenant).id ?? "");
  if (tenantId !== context.tenantId) return connectorError(400, "BadArgument", "Tenant id is missing or unknown.");
  const channelId = asRecord(channelData.channel).id;
  if (typeof channelId === "string") {
    // A new post in a channel: the answer's id names the thread ("<channel>;messageid=<post>").
    const conversation = context.state.conversations.get(channelId);
    if (!conversation) return connectorError(404, "ConversationNotFound", "Channel not found.");
    const activity = asRecord(body.activity);
    const problem = checkActivity(activity);
    if (problem) return connectorError(400, "BadArgument", problem);
    const entry = record(context, channelId, null, activity);
    return json(201, { id: `${channelId};messageid=${entry.id}`, activityId: entry.id });
  }
  const members = Array.isArray(body.members) ? body.members.map(asRecord) : [];
  const memberId = members[0]?.id;
  if (body.isGroup === true || members.length !== 1 || typeof memberId !== "string")
    return connectorError(400, "BadArgument", "Only 1:1 conversations with one member can be created.");
  const user = context.state.userByBotId(memberId);
  if (!user) return connectorError(404, "UserNotFound", "The user is not in this tenant.");
  if (context.uninstalledFor.has(user.aadObjectId))
    return connectorError(403, "Forbidden", "The bot is not installed for this user.");
  const conversation = context.state.ensurePersonalConversation(user.aadObjectId);
  return json(201, { id: conversation.id });
}

function members(context: ServiceContext, conversationId: string): Answer {
  const conversation = context.state.conversations.get(splitThread(conversationId).base);
  if (!conversation) return connectorError(404, "ConversationNotFound", "Conversation not found.");
  const ids =
    conversation.kind === "personal"
      ? [conversation.with]
      : conversation.teamAadGroupId
        ? context.state.team(conversation.teamAadGroupId).members
        : [];
  return json(
    200,
    ids.map((aad) => {
      const user = context.state.user(aad);
      return {
        id: user.id,
        aadObjectId: aad,
        name: user.name,
        email: user.email ?? null,
        userPrincipalName: user.email,
      };
    }),
  );
}

function record(
  context: ServiceContext,
  conversationId: string,
  threadRootId: string | null,
  activity: Record<string, unknown>,
): SentActivity {
  const entry: SentActivity = {
    id: context.nextActivityId(),
    conversationId,
    threadRootId,
    activity,
    at: new Date(),
    updates: [],
  };
  context.state.sent.push(entry);
  context.onSent(entry);
  return entry;
}

const maxActivityBytes = 100 * 1024;

/** What Teams refuses: no type, an empty message, or more than about 100 KB. */
function checkActivity(activity: Record<string, unknown>): string | null {
  if (typeof activity.type !== "string") return "Activity type is required.";
  if (JSON.stringify(activity).length > maxActivityBytes) return "Message size too large.";
  const text = typeof activity.text === "string" ? activity.text : "";
  const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
  if (activity.type === "message" && text.trim() === "" && attachments.length === 0)
    return "Message has no text and no attachments.";
  return null;
}

export const newActivityIdSource = () => {
  let next = Date.now();
  return () => String(next++);
};

export const randomConversationSuffix = () => newId(4);
