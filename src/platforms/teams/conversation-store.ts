// Where the Teams adapter keeps what it learns from activities: the tenant as a workspace, each person (with the
// time zone Teams reports in `localTimezone`) and the conversation references for proactive messages, on the
// PlatformUser / PlatformChannel rows through the repositories.
import {
  type ActivityForReference,
  type ConversationReference,
  personExternalId,
  readReference,
  referenceFrom,
  tenantOf,
} from "./conversation-ref.ts";

export interface TeamRecord {
  /** The team's thread id (also its General channel's conversation id). */
  id: string;
  /** The id Graph uses for the team (its Microsoft 365 group). */
  aadGroupId: string | null;
  name: string | null;
}

export interface SeenActivity extends ActivityForReference {
  localTimezone?: string;
}

/**
 * What the adapter needs of the store, described here so the adapter does not import it (the runtime passes the
 * repositories, which fit this shape). References are opaque JSON to the store: this adapter owns their shape.
 */
export interface TeamsRecords {
  workspaces: { ensure(platform: "teams", externalId: string): Promise<{ id: string }> };
  teamsConversations: {
    rememberUser(
      workspaceId: string,
      externalId: string,
      seen: { displayName?: string; timezone?: string | null },
      reference?: ConversationReference,
    ): Promise<{ personId: string }>;
    forgetUserReference(workspaceId: string, externalId: string): Promise<void>;
    userReference(workspaceId: string, externalId: string): Promise<unknown>;
    anyReference(workspaceId: string): Promise<unknown>;
    rememberChannel(
      workspaceId: string,
      externalId: string,
      name: string | null,
      reference: ConversationReference,
    ): Promise<{ channelId: string }>;
    forgetChannelReference(workspaceId: string, externalId: string): Promise<void>;
    channelReference(workspaceId: string, externalId: string): Promise<unknown>;
    channelReferenceById(channelId: string): Promise<unknown>;
    channelReferences(workspaceId: string): Promise<{ externalId: string; name: string | null; reference: unknown }[]>;
  };
}

const maxRememberedSenders = 10_000;
/** Another replica may drop a reference (an uninstall it handled): what this one remembers is re-checked this often. */
const senderMemoryMs = 10 * 60_000;

export class TeamsConversationStore {
  readonly #repos: TeamsRecords;
  /** What was last stored for each sender, so an unchanged sender costs no database work. */
  readonly #senders = new Map<string, { fingerprint: string; workspaceId: string; personId: string; at: number }>();
  /** Our workspace id of each tenant (a workspace is never deleted while the process runs). */
  readonly #workspaces = new Map<string, string>();
  /** Each person's name and time zone as their latest activity gave them, by tenant and person id. */
  readonly #seen = new Map<string, { displayName: string | null; timezone: string | null }>();

  constructor(repos: TeamsRecords) {
    this.#repos = repos;
  }

  /** The person's name and time zone from their latest activity seen by this process, if any. */
  seen(tenantId: string, personExternalIdValue: string) {
    return this.#seen.get(`${tenantId} ${personExternalIdValue}`);
  }

  async workspaceId(tenantId: string): Promise<string> {
    const known = this.#workspaces.get(tenantId);
    if (known) return known;
    const id = (await this.#repos.workspaces.ensure("teams", tenantId)).id;
    if (this.#workspaces.size < maxRememberedSenders) this.#workspaces.set(tenantId, id);
    return id;
  }

  /** Records who acted (person, time zone) and, in a 1:1 chat, the reference to write to them later. */
  async rememberSender(activity: SeenActivity): Promise<{ workspaceId: string; personId: string } | undefined> {
    const tenantId = tenantOf(activity);
    if (!tenantId || activity.from.id === activity.recipient.id) return undefined;
    const reference = referenceFrom(activity);
    const key = `${tenantId} ${activity.from.id}`;
    const seenKey = `${tenantId} ${personExternalId(activity.from)}`;
    this.#seen.delete(seenKey);
    this.#seen.set(seenKey, { displayName: activity.from.name ?? null, timezone: activity.localTimezone ?? null });
    if (this.#seen.size > maxRememberedSenders) {
      const oldest = this.#seen.keys().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
    const fingerprint = JSON.stringify([
      activity.from.name,
      activity.localTimezone,
      reference?.kind === "personal" ? reference : null,
    ]);
    const known = this.#senders.get(key);
    if (known?.fingerprint === fingerprint && Date.now() - known.at < senderMemoryMs)
      return { workspaceId: known.workspaceId, personId: known.personId };
    const workspaceId = await this.workspaceId(tenantId);
    const { personId } = await this.#repos.teamsConversations.rememberUser(
      workspaceId,
      personExternalId(activity.from),
      {
        ...(activity.from.name ? { displayName: activity.from.name } : {}),
        ...(activity.localTimezone ? { timezone: activity.localTimezone } : {}),
      },
      reference?.kind === "personal" ? reference : undefined,
    );
    this.#senders.delete(key);
    this.#senders.set(key, { fingerprint, workspaceId, personId, at: Date.now() });
    if (this.#senders.size > maxRememberedSenders) {
      const oldest = this.#senders.keys().next().value;
      if (oldest !== undefined) this.#senders.delete(oldest);
    }
    return { workspaceId, personId };
  }

  /** The bot was installed or added where this activity comes from: keep that conversation's reference. */
  async rememberConversation(activity: ActivityForReference): Promise<void> {
    const reference = referenceFrom(activity);
    if (!reference) return;
    const workspaceId = await this.workspaceId(reference.tenantId);
    if (reference.kind === "personal") {
      await this.#repos.teamsConversations.rememberUser(
        workspaceId,
        personExternalId(activity.from),
        activity.from.name ? { displayName: activity.from.name } : {},
        reference,
      );
      return;
    }
    const name = reference.channel?.name ?? activity.conversation.name ?? null;
    await this.#repos.teamsConversations.rememberChannel(workspaceId, reference.conversationId, name, reference);
    // A team is also kept under its own id (its General channel), with its Graph id: channels are created there.
    const team = reference.team;
    if (team && team.id !== reference.conversationId) {
      const general: ConversationReference = {
        ...reference,
        conversationId: team.id,
        channel: { id: team.id, name: "General" },
      };
      await this.#repos.teamsConversations.rememberChannel(workspaceId, team.id, team.name ?? null, general);
    }
  }

  /** The bot was removed: its references there stop working, so they are dropped. */
  async forgetConversation(activity: ActivityForReference): Promise<void> {
    const reference = referenceFrom(activity);
    if (!reference) return;
    this.#senders.delete(`${reference.tenantId} ${activity.from.id}`);
    const workspaceId = await this.workspaceId(reference.tenantId);
    if (reference.kind === "personal")
      await this.#repos.teamsConversations.forgetUserReference(workspaceId, personExternalId(activity.from));
    else await this.#repos.teamsConversations.forgetChannelReference(workspaceId, reference.conversationId);
  }

  async userReference(workspaceId: string, personExternalIdValue: string): Promise<ConversationReference | undefined> {
    return readReference(await this.#repos.teamsConversations.userReference(workspaceId, personExternalIdValue));
  }

  async channelReference(workspaceId: string, channelExternalId: string): Promise<ConversationReference | undefined> {
    return readReference(await this.#repos.teamsConversations.channelReference(workspaceId, channelExternalId));
  }

  /** The service URL and bot id of this tenant, from any stored reference (to open a first 1:1 chat). */
  async anyReference(workspaceId: string): Promise<ConversationReference | undefined> {
    return readReference(await this.#repos.teamsConversations.anyReference(workspaceId));
  }

  /** The teams the bot is installed in, with their Graph ids. */
  async teams(workspaceId: string): Promise<TeamRecord[]> {
    const rows = await this.#repos.teamsConversations.channelReferences(workspaceId);
    const teams = new Map<string, TeamRecord>();
    for (const row of rows) {
      const team = readReference(row.reference)?.team;
      if (team && !teams.has(team.id))
        teams.set(team.id, { id: team.id, aadGroupId: team.aadGroupId ?? null, name: team.name ?? null });
    }
    return [...teams.values()];
  }

  /** The team a stored channel belongs to (e.g. the workshop's announcement channel: the facilitators' team). */
  async teamOfChannel(platformChannelId: string): Promise<TeamRecord | undefined> {
    const team = readReference(await this.#repos.teamsConversations.channelReferenceById(platformChannelId))?.team;
    return team ? { id: team.id, aadGroupId: team.aadGroupId ?? null, name: team.name ?? null } : undefined;
  }
}
