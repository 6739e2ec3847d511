// What a platform adapter gives the app for one workspace (Slack team, Teams tenant): direct messages, profiles,
// do-not-disturb, channels. Every id here is the platform's own; the app's notifier and channel service translate
// our person ids to them (src/app/platform/). Adapters implement this; use cases never see it.
import type { Platform } from "../../core/model/domain.ts";
import type { Message } from "../../core/screens/message.ts";
import type { FileUpload } from "./channels.ts";
import type { PersonProfile } from "./notify.ts";

export interface PlatformMessenger {
  /** Sends a direct message; `key` travels with it where the platform can carry it (Slack: message metadata). */
  sendDirect(userId: string, message: Message, key: string): Promise<void>;
  /**
   * Optional: whether a direct message carrying `key` reached `userId` since `since`. The notifier asks only when an
   * earlier attempt with that key started and left no record of its end (a crash between send and record).
   */
  findDirect?(userId: string, key: string, since: Date): Promise<boolean>;
  /** Optional: the user's profile (name, email, time zone). */
  profile?(userId: string): Promise<PersonProfile>;
  /** Optional: when the user's do-not-disturb ends, if it is on now. */
  doNotDisturbUntil?(userId: string, now: Date): Promise<Date | null>;
}

export interface PlatformChannels {
  /** Throws `ChannelNameTakenError` when the name is used. */
  create(name: string, isPrivate: boolean): Promise<{ channelId: string; name: string }>;
  invite(channelId: string, userIds: string[]): Promise<{ invited: string[]; alreadyIn: string[] }>;
  /** Optional: whether the channel is still there and not archived. */
  state?(channelId: string): Promise<"open" | "archived" | "gone">;
  post(channelId: string, message: Message): Promise<{ messageId: string }>;
  reply(channelId: string, threadId: string, message: Message): Promise<{ messageId: string }>;
  update(channelId: string, messageId: string, message: Message): Promise<void>;
  pin(channelId: string, messageId: string): Promise<void>;
  upload(channelId: string, file: FileUpload, threadId?: string): Promise<void>;
}

export interface PlatformLink {
  messenger: PlatformMessenger;
  channels: PlatformChannels;
}

/** A workspace as its platform knows it. */
export interface WorkspaceAddress {
  platform: Platform;
  /** Slack team id, Teams tenant id. */
  externalId: string;
}

/** Finds the configured adapter's link for a workspace; throws when its platform is not configured. */
export type PlatformLinks = (workspace: WorkspaceAddress) => Promise<PlatformLink>;
