import { fail } from "./errors.ts";
import { compareTs, slackId, TsClock, triggerId } from "./ids.ts";
import { timezoneFields } from "./timezone.ts";
import type {
  DndStatus,
  EphemeralMessage,
  RecordedCall,
  ResponseUrlPost,
  SlackChannel,
  SlackFile,
  SlackMessage,
  SlackUser,
  SlackView,
  TriggerRecord,
  ViewStack,
} from "./types.ts";

/** Who the stand-in pretends to be. */
export interface WorkspaceIdentity {
  teamId: string;
  teamName: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
  botToken: string;
}

export interface UserSeed {
  id?: string;
  name: string;
  realName?: string;
  displayName?: string;
  email?: string;
  /** IANA zone, e.g. `Europe/Berlin`; `tz_label` and `tz_offset` are derived from it. */
  tz?: string;
  isBot?: boolean;
  isAdmin?: boolean;
  deleted?: boolean;
}

export interface ChannelSeed {
  id?: string;
  name: string;
  isPrivate?: boolean;
  /** User ids; add the bot user here if the bot should be a member. */
  members?: string[];
  creator?: string;
  topic?: string;
}

export interface WorkspaceStateOptions {
  identity: WorkspaceIdentity;
  /** Milliseconds since the epoch; defaults to `Date.now`. */
  clock?: () => number;
  /** How long a trigger_id stays usable (Slack: 3 s). */
  triggerTtlMs?: number;
}

export interface ResponseUrlTarget {
  userId: string;
  channelId: string;
  /** The message the interaction came from (for replace_original / delete_original). */
  messageTs?: string;
  issuedAt: number;
}

/** Everything the stand-in workspace holds. Tests read it directly to assert what the bot did. */
export class WorkspaceState {
  readonly identity: WorkspaceIdentity;
  readonly users = new Map<string, SlackUser>();
  readonly channels = new Map<string, SlackChannel>();
  /** Messages per channel id, oldest first (thread replies included). */
  readonly messages = new Map<string, SlackMessage[]>();
  readonly ephemerals: EphemeralMessage[] = [];
  readonly views = new Map<string, SlackView>();
  /** Open modal stack per user id. */
  readonly stacks = new Map<string, ViewStack>();
  /** Published App Home view id per user id. */
  readonly homeViews = new Map<string, string>();
  readonly dnd = new Map<string, DndStatus>();
  readonly triggers = new Map<string, TriggerRecord>();
  /** Every Web API call, in order, including rejected and rate-limited ones. */
  readonly calls: RecordedCall[] = [];
  /** Everything the bot posted to a response_url. */
  readonly responseUrlPosts: ResponseUrlPost[] = [];
  readonly responseUrls = new Map<string, ResponseUrlTarget>();
  /** Files by id (filesUploadV2's three steps). */
  readonly files = new Map<string, SlackFile>();
  /** The stand-in's root URL (set once it listens), for the upload URLs it hands out. */
  rootUrl = "http://stand-in/";
  readonly triggerTtlMs: number;
  readonly #clock: () => number;
  readonly #ts = new TsClock();

  constructor(options: WorkspaceStateOptions) {
    this.identity = options.identity;
    this.#clock = options.clock ?? Date.now;
    this.triggerTtlMs = options.triggerTtlMs ?? 3000;
    this.addUser({ id: options.identity.botUserId, name: "clusterbot", realName: "Clusterbot", isBot: true });
  }

  now(): number {
    return this.#clock();
  }

  nowSeconds(): number {
    return Math.floor(this.#clock() / 1000);
  }

  nextTs(): string {
    return this.#ts.next(this.#clock());
  }

  // ---- users ----

  addUser(seed: UserSeed): SlackUser {
    const id = seed.id ?? slackId("U");
    const realName = seed.realName ?? seed.name;
    const user: SlackUser = {
      id,
      team_id: this.identity.teamId,
      name: seed.name,
      real_name: realName,
      deleted: seed.deleted ?? false,
      is_bot: seed.isBot ?? false,
      is_admin: seed.isAdmin ?? false,
      ...timezoneFields(seed.tz ?? "America/Los_Angeles", this.now()),
      profile: {
        real_name: realName,
        display_name: seed.displayName ?? seed.name,
        image_72: `https://avatars.example.invalid/${id}_72.png`,
        ...(seed.email === undefined ? {} : { email: seed.email }),
      },
    };
    this.users.set(id, user);
    return user;
  }

  /** The person moved (or changed the setting): `users.info` answers the new zone from now on. */
  setUserTimezone(id: string, tz: string): void {
    Object.assign(this.requireUser(id), timezoneFields(tz, this.now()));
  }

  user(id: string): SlackUser | undefined {
    return this.users.get(id);
  }

  requireUser(id: string): SlackUser {
    return this.users.get(id) ?? fail("user_not_found");
  }

  userByEmail(email: string): SlackUser | undefined {
    const wanted = email.toLowerCase();
    for (const user of this.users.values()) if (user.profile.email?.toLowerCase() === wanted) return user;
    return undefined;
  }

  // ---- channels ----

  addChannel(seed: ChannelSeed): SlackChannel {
    const isPrivate = seed.isPrivate ?? false;
    const creator = seed.creator ?? this.identity.botUserId;
    const now = this.nowSeconds();
    const channel: SlackChannel = {
      id: seed.id ?? slackId(isPrivate ? "G" : "C"),
      name: seed.name,
      kind: isPrivate ? "private" : "public",
      created: now,
      creator,
      is_archived: false,
      members: [...new Set(seed.members ?? [])],
      topic: { value: seed.topic ?? "", creator: seed.topic ? creator : "", last_set: seed.topic ? now : 0 },
      purpose: { value: "", creator: "", last_set: 0 },
    };
    this.channels.set(channel.id, channel);
    this.messages.set(channel.id, []);
    return channel;
  }

  channel(id: string): SlackChannel | undefined {
    return this.channels.get(id);
  }

  requireChannel(id: string): SlackChannel {
    return this.channels.get(id) ?? fail("channel_not_found");
  }

  channelByName(name: string): SlackChannel | undefined {
    const bare = name.replace(/^#/, "");
    for (const channel of this.channels.values()) {
      if ((channel.kind === "public" || channel.kind === "private") && channel.name === bare) return channel;
    }
    return undefined;
  }

  /** The direct-message channel between the bot and `userId`, opened on first use like Slack does. */
  imWith(userId: string): SlackChannel {
    for (const channel of this.channels.values()) {
      if (channel.kind === "im" && channel.user === userId) return channel;
    }
    const channel = this.addChannel({ id: slackId("D"), name: userId, members: [this.identity.botUserId, userId] });
    channel.kind = "im";
    channel.user = userId;
    return channel;
  }

  isMember(channel: SlackChannel, userId: string): boolean {
    return channel.members.includes(userId);
  }

  // ---- messages ----

  messagesIn(channelId: string): SlackMessage[] {
    return this.messages.get(channelId) ?? [];
  }

  /** Top-level messages and thread parents of a channel (what a user sees in the channel), oldest first. */
  channelTimeline(channelId: string): SlackMessage[] {
    return this.messagesIn(channelId).filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts);
  }

  message(channelId: string, ts: string): SlackMessage | undefined {
    return this.messagesIn(channelId).find((m) => m.ts === ts);
  }

  addMessage(message: SlackMessage): SlackMessage {
    const list = this.messages.get(message.channel) ?? [];
    list.push(message);
    list.sort((a, b) => compareTs(a.ts, b.ts));
    this.messages.set(message.channel, list);
    return message;
  }

  removeMessage(channelId: string, ts: string): boolean {
    const list = this.messagesIn(channelId);
    const index = list.findIndex((m) => m.ts === ts);
    if (index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  /** Messages posted by the bot, across channels, oldest first. */
  botMessages(): SlackMessage[] {
    const all = [...this.messages.values()].flat().filter((m) => m.user === this.identity.botUserId);
    return all.sort((a, b) => compareTs(a.ts, b.ts));
  }

  // ---- views ----

  view(id: string): SlackView | undefined {
    return this.views.get(id);
  }

  requireView(id: string): SlackView {
    return this.views.get(id) ?? fail("not_found");
  }

  viewByExternalId(externalId: string): SlackView | undefined {
    for (const view of this.views.values()) if (view.external_id === externalId) return view;
    return undefined;
  }

  /** The modal the user currently sees (top of their stack), if any. */
  topView(userId: string): SlackView | undefined {
    const id = this.stacks.get(userId)?.views.at(-1);
    return id === undefined ? undefined : this.views.get(id);
  }

  /** The user's open modal stack, bottom first. */
  openViews(userId: string): SlackView[] {
    const ids = this.stacks.get(userId)?.views ?? [];
    return ids.map((id) => this.views.get(id)).filter((v): v is SlackView => v !== undefined);
  }

  homeView(userId: string): SlackView | undefined {
    const id = this.homeViews.get(userId);
    return id === undefined ? undefined : this.views.get(id);
  }

  // ---- triggers and response urls ----

  issueTrigger(userId: string, viewId?: string): string {
    const id = triggerId(this.now());
    this.triggers.set(id, { id, userId, issuedAt: this.now(), exchanged: false, ...(viewId ? { viewId } : {}) });
    return id;
  }

  /** Uses a trigger once, failing like Slack for unknown, expired or already used ids. */
  exchangeTrigger(id: string): TriggerRecord {
    const trigger = this.triggers.get(id) ?? fail("invalid_trigger_id");
    if (trigger.exchanged) return fail("exchanged_trigger_id");
    if (this.now() - trigger.issuedAt > this.triggerTtlMs) return fail("expired_trigger_id");
    trigger.exchanged = true;
    return trigger;
  }

  issueResponseUrl(userId: string, channelId: string, messageTs?: string): string {
    const id = slackId("R", 16);
    this.responseUrls.set(id, { userId, channelId, issuedAt: this.now(), ...(messageTs ? { messageTs } : {}) });
    return id;
  }

  // ---- dnd ----

  dndFor(userId: string): DndStatus {
    return (
      this.dnd.get(userId) ?? { dnd_enabled: false, next_dnd_start_ts: 1, next_dnd_end_ts: 1, snooze_enabled: false }
    );
  }

  setDnd(userId: string, status: DndStatus): void {
    this.dnd.set(userId, status);
  }

  // ---- calls ----

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }
}
