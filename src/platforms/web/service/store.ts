// What the workspace keeps, as it needs it: a structural interface, implemented over the database by
// src/store/web (wired in src/runtime). JSON columns come back as `unknown`; ./records.ts reads them.
import type { ChannelKind } from "../protocol.ts";

export interface PersonRecord {
  id: string;
  name: string;
  timezone: string | null;
}

export interface ChannelRecord {
  id: string;
  kind: ChannelKind;
  /** Null for direct conversations. */
  name: string | null;
  topic: string | null;
  /** Direct conversations: "bot:<user>" or "<user>|<user>". */
  directKey: string | null;
  memberIds: string[];
}

export interface MessageRecord {
  id: string;
  seq: number;
  channelId: string;
  threadRootId: string | null;
  /** Null: Clusterbot. */
  authorId: string | null;
  authorName: string | null;
  visibleToId: string | null;
  content: unknown;
  metadata: unknown;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  pinnedAt: Date | null;
  awaitingBot: boolean;
  replyCount: number;
  lastReplyAt: Date | null;
}

export interface NewMessage {
  channelId: string;
  threadRootId: string | null;
  authorId: string | null;
  visibleToId?: string | null;
  content: unknown;
  metadata?: unknown;
  /** A person's command or thread reply: kept until the bot has heard it. */
  awaitingBot?: boolean;
  file?: { id: string; filename: string; contentType: string; bytes: Uint8Array };
}

export interface DialogRecord {
  id: string;
  userId: string;
  view: unknown;
  values: unknown;
  context: unknown;
  status: "open" | "pending" | "closed";
  version: number;
}

export interface DialogContent {
  view: unknown;
  values: unknown;
  context: unknown;
}

export interface FileRecord {
  id: string;
  messageId: string;
  filename: string;
  contentType: string;
  size: number;
  bytes: Uint8Array;
}

export interface WebStore {
  accounts: {
    list(): Promise<PersonRecord[]>;
    find(userId: string): Promise<PersonRecord | null>;
    /** Null when the name is taken. */
    create(name: string): Promise<PersonRecord | null>;
    ensure(name: string): Promise<{ person: PersonRecord; created: boolean }>;
    setTimezone(userId: string, timezone: string): Promise<void>;
  };
  credentials: {
    issueInvite(userId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void>;
    redeemInvite(tokenHash: string, now: Date): Promise<string | null>;
    createSession(idHash: string, userId: string, expiresAt: Date, now: Date): Promise<void>;
    findSession(idHash: string, now: Date): Promise<{ idHash: string; userId: string } | null>;
    endSession(idHash: string): Promise<void>;
  };
  channels: {
    /** Null when the name is taken. */
    create(input: {
      name: string;
      kind: "public" | "private";
      topic: string | null;
      memberIds: string[];
    }): Promise<ChannelRecord | null>;
    ensureDirect(directKey: string, memberIds: string[]): Promise<ChannelRecord>;
    findDirect(directKey: string): Promise<ChannelRecord | null>;
    findByName(name: string): Promise<ChannelRecord | null>;
    find(channelId: string): Promise<ChannelRecord | null>;
    visibleTo(userId: string): Promise<ChannelRecord[]>;
    /** Returns the people who were not in it yet. */
    addMembers(channelId: string, userIds: string[]): Promise<string[]>;
    markRead(channelId: string, userId: string, seq: number): Promise<void>;
    unreadCounts(userId: string): Promise<Map<string, number>>;
  };
  messages: {
    insert(message: NewMessage): Promise<MessageRecord>;
    find(messageId: string): Promise<MessageRecord | null>;
    /** With `expectedVersion`, only if nobody changed it since (else null). */
    update(messageId: string, content: unknown, expectedVersion?: number): Promise<MessageRecord | null>;
    /** Null when it is pinned already (or gone). */
    pin(messageId: string, at: Date): Promise<MessageRecord | null>;
    page(
      channelId: string,
      viewerId: string,
      options: { beforeSeq?: number; limit: number },
    ): Promise<{ messages: MessageRecord[]; hasMore: boolean }>;
    replies(rootId: string, viewerId: string): Promise<MessageRecord[]>;
    fromBotSince(channelId: string, since: Date, limit: number): Promise<{ id: string; metadata: unknown }[]>;
    awaitingBot(limit: number): Promise<MessageRecord[]>;
    markHeard(messageId: string): Promise<void>;
  };
  dialogs: {
    open(userId: string, input: DialogContent): Promise<{ dialog: DialogRecord; replaced: string[] }>;
    find(dialogId: string): Promise<DialogRecord | null>;
    current(userId: string): Promise<DialogRecord | null>;
    replace(dialogId: string, input: DialogContent): Promise<DialogRecord | null>;
    saveDraft(dialogId: string, userId: string, values: unknown): Promise<boolean>;
    submit(dialogId: string, userId: string, version: number, values: unknown): Promise<DialogRecord | null>;
    stalePending(before: Date): Promise<string[]>;
    close(dialogId: string, values?: unknown): Promise<DialogRecord | null>;
  };
  homes: {
    find(userId: string): Promise<unknown>;
    set(userId: string, content: unknown): Promise<void>;
  };
  files: {
    find(fileId: string): Promise<FileRecord | null>;
  };
}

/** The workspace's own Workspace row. */
export interface WorkspaceRecord {
  id: string;
  /** How the interaction core names it (Origin.workspace). */
  externalId: string;
  name: string;
}
