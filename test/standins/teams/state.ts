// What the Teams stand-in knows and records: the tenant's users, teams and channels (Graph's view), the
// conversations and every activity the bot sent into them (the Connector's view), and what the bot answered to
// each invoke (dialogs and card actions). Tests read it to check what a person would see.
import { randomBytes } from "node:crypto";
import type { AttachedFile } from "./attached-files.ts";

export interface UserSeed {
  aadObjectId: string;
  name: string;
  email?: string;
  timezone?: string;
}

export interface StandInUser extends UserSeed {
  /** The Bot Framework id, "29:…". */
  id: string;
}

export interface TeamSeed {
  aadGroupId: string;
  name: string;
  /** AAD object ids; the first one is the owner. */
  members: string[];
}

export interface StandInTeam extends TeamSeed {
  /** The team's thread id, which is also its General channel's id, "19:…@thread.tacv2". */
  id: string;
}

export type MembershipType = "standard" | "private" | "shared";

export interface StandInChannel {
  id: string;
  teamAadGroupId: string;
  displayName: string;
  description: string | null;
  membershipType: MembershipType;
  members: { userAadObjectId: string; roles: string[] }[];
}

export type ConversationKind = "personal" | "channel" | "groupChat";

export interface Conversation {
  id: string;
  kind: ConversationKind;
  /** personal: the user's AAD id; channel: the channel id. */
  with: string;
  teamAadGroupId?: string;
}

export interface SentActivity {
  id: string;
  conversationId: string;
  /** The channel post this activity replies to, when it is a reply in a thread. */
  threadRootId: string | null;
  activity: Record<string, unknown>;
  at: Date;
  updates: Record<string, unknown>[];
}

export interface InvokeAnswer {
  name: string;
  userAadObjectId: string;
  value: unknown;
  status: number;
  body: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export const newId = (bytes = 8) => randomBytes(bytes).toString("hex");

export class TeamsState {
  readonly users = new Map<string, StandInUser>();
  readonly teams = new Map<string, StandInTeam>();
  readonly channels = new Map<string, StandInChannel>();
  readonly conversations = new Map<string, Conversation>();
  readonly sent: SentActivity[] = [];
  readonly invokeAnswers: InvokeAnswer[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly files: { teamAadGroupId: string; channelId: string; name: string; bytes: Buffer; webUrl: string }[] = [];
  /** Files people attached in their 1:1 chat with the bot, by unique id, with their downloads. */
  readonly attachedFiles = new Map<string, AttachedFile>();
  /** Tokens the token endpoint issued, by scope. */
  readonly tokensIssued: string[] = [];

  addUser(seed: UserSeed): StandInUser {
    const user = { ...seed, id: `29:${seed.aadObjectId}` };
    this.users.set(seed.aadObjectId, user);
    return user;
  }

  addTeam(seed: TeamSeed): StandInTeam {
    const team = { ...seed, id: `19:${newId()}@thread.tacv2` };
    this.teams.set(seed.aadGroupId, team);
    this.channels.set(team.id, {
      id: team.id,
      teamAadGroupId: team.aadGroupId,
      displayName: "General",
      description: null,
      membershipType: "standard",
      members: [],
    });
    this.conversations.set(team.id, { id: team.id, kind: "channel", with: team.id, teamAadGroupId: team.aadGroupId });
    return team;
  }

  user(aadObjectId: string): StandInUser {
    const user = this.users.get(aadObjectId);
    if (!user) throw new Error(`the stand-in has no user ${aadObjectId}`);
    return user;
  }

  userByBotId(id: string): StandInUser | undefined {
    return [...this.users.values()].find((user) => user.id === id || user.aadObjectId === id);
  }

  team(aadGroupId: string): StandInTeam {
    const team = this.teams.get(aadGroupId);
    if (!team) throw new Error(`the stand-in has no team ${aadGroupId}`);
    return team;
  }

  /** The 1:1 chat id between the bot and a user (Teams answers the same id however often it is created). */
  personalConversationId(aadObjectId: string): string {
    return `a:1${aadObjectId}`;
  }

  ensurePersonalConversation(aadObjectId: string): Conversation {
    const id = this.personalConversationId(aadObjectId);
    const existing = this.conversations.get(id);
    if (existing) return existing;
    const conversation: Conversation = { id, kind: "personal", with: aadObjectId };
    this.conversations.set(id, conversation);
    return conversation;
  }

  channelsOf(aadGroupId: string): StandInChannel[] {
    return [...this.channels.values()].filter((channel) => channel.teamAadGroupId === aadGroupId);
  }

  channelNamed(aadGroupId: string, displayName: string): StandInChannel | undefined {
    return this.channelsOf(aadGroupId).find((channel) => channel.displayName === displayName);
  }

  /** Everything the bot sent into a conversation (for a channel: posts and replies). */
  sentTo(conversationId: string): SentActivity[] {
    return this.sent.filter((entry) => entry.conversationId === conversationId);
  }

  /** What a user received in their 1:1 chat with the bot. */
  personalMessages(aadObjectId: string): SentActivity[] {
    return this.sentTo(this.personalConversationId(aadObjectId));
  }

  /** Posts that start a thread in a channel (not replies). */
  channelPosts(channelId: string): SentActivity[] {
    return this.sentTo(channelId).filter((entry) => entry.threadRootId === null);
  }

  threadReplies(channelId: string, rootId: string): SentActivity[] {
    return this.sentTo(channelId).filter((entry) => entry.threadRootId === rootId);
  }

  lastInvokeAnswer(name?: string): InvokeAnswer | undefined {
    const answers = name ? this.invokeAnswers.filter((answer) => answer.name === name) : this.invokeAnswers;
    return answers.at(-1);
  }
}
