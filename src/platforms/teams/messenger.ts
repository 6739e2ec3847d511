// Proactive messages: to a person (their stored 1:1 reference, or a 1:1 chat opened for them), to a channel as a
// new post (which starts a thread), as a reply in a thread, and updates of a message already sent. Every call
// goes to the reference's own service URL; failures come back typed (RateLimitedError, TeamsCallError,
// NoConversationError).
import type { IMessageActivityInput } from "@microsoft/teams.api";
import type { App } from "@microsoft/teams.apps";
import type { ConversationReference } from "./conversation-ref.ts";
import type { TeamsConversationStore } from "./conversation-store.ts";
import { callTeams, NoConversationError, TeamsCallError } from "./errors.ts";
import { splitConversationId, threadConversationId } from "./thread-id.ts";

export type OutgoingActivity = IMessageActivityInput;

export interface SentTeamsMessage {
  conversationId: string;
  activityId: string;
  /** For a channel post: the thread it started (its own id); for a reply: the thread it went to. */
  threadId: string | null;
}

export class TeamsMessenger {
  readonly #app: App;
  readonly #store: TeamsConversationStore;

  constructor(app: App, store: TeamsConversationStore) {
    this.#app = app;
    this.#store = store;
  }

  /** Sends into the conversation of a stored reference (a 1:1 chat, a group chat, or a channel as a new post). */
  async send(reference: ConversationReference, activity: OutgoingActivity): Promise<SentTeamsMessage> {
    if (reference.kind === "channel") return this.postToChannel(reference, activity);
    const api = this.#api(reference.serviceUrl);
    const sent = await callTeams("sending a Teams message", () =>
      api.conversations.activities(reference.conversationId).create(activity),
    );
    return { conversationId: reference.conversationId, activityId: sent.id, threadId: null };
  }

  /** To a person in the workspace: their stored 1:1 chat, or one opened now (and remembered). */
  async sendToPerson(
    workspaceId: string,
    personExternalId: string,
    activity: OutgoingActivity,
  ): Promise<SentTeamsMessage> {
    const stored = await this.#store.userReference(workspaceId, personExternalId);
    const reference = stored ?? (await this.openPersonalChat(workspaceId, personExternalId));
    return this.send(reference, activity);
  }

  /** Opens (or finds: Teams answers the same id) the 1:1 chat between the bot and a person. */
  async openPersonalChat(workspaceId: string, personExternalId: string): Promise<ConversationReference> {
    const known = await this.#store.anyReference(workspaceId);
    if (!known) throw new NoConversationError(`anyone in workspace ${workspaceId}`);
    const api = this.#api(known.serviceUrl);
    const created = await callTeams("opening a 1:1 Teams chat", () =>
      api.conversations.create({
        isGroup: false,
        bot: { id: known.botId, role: "bot" },
        members: [{ id: personExternalId, role: "user", name: "" }],
        tenantId: known.tenantId,
        channelData: { tenant: { id: known.tenantId } },
      }),
    );
    return {
      serviceUrl: known.serviceUrl,
      tenantId: known.tenantId,
      conversationId: created.id,
      kind: "personal",
      botId: known.botId,
      user: { id: personExternalId, aadObjectId: personExternalId },
    };
  }

  /** A new post in a channel; its id is the thread's id, for replies. */
  async postToChannel(reference: ConversationReference, activity: OutgoingActivity): Promise<SentTeamsMessage> {
    const api = this.#api(reference.serviceUrl);
    const created = await callTeams("posting to a Teams channel", () =>
      api.conversations.create({
        isGroup: true,
        tenantId: reference.tenantId,
        channelData: { channel: { id: reference.conversationId }, tenant: { id: reference.tenantId } },
        activity,
      }),
    );
    const { threadId } = splitConversationId(created.id);
    const activityId = created.activityId ?? threadId;
    if (!activityId)
      throw new TeamsCallError({
        what: "posting to a Teams channel",
        failure: "permanent",
        status: 201,
        code: "NoActivityId",
      });
    return { conversationId: reference.conversationId, activityId, threadId: threadId ?? activityId };
  }

  /** A reply in a channel thread (a reply to the post `threadId`). */
  async replyInThread(
    reference: ConversationReference,
    threadId: string,
    activity: OutgoingActivity,
  ): Promise<SentTeamsMessage> {
    const api = this.#api(reference.serviceUrl);
    const conversationId = threadConversationId(reference.conversationId, threadId);
    const sent = await callTeams("replying in a Teams thread", () =>
      api.conversations.activities(conversationId).create(activity),
    );
    return { conversationId: reference.conversationId, activityId: sent.id, threadId };
  }

  /** Replaces a message the bot sent (e.g. a card whose buttons no longer apply). */
  async update(reference: ConversationReference, activityId: string, activity: OutgoingActivity): Promise<void> {
    const api = this.#api(reference.serviceUrl);
    await callTeams("updating a Teams message", () =>
      api.conversations.activities(reference.conversationId).update(activityId, activity),
    );
  }

  #api(serviceUrl: string) {
    return this.#app.api.clone({ serviceUrl });
  }
}
