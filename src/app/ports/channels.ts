// Work in channels: what the working-group feature needs from a chat platform. Channel and message ids are the
// platform's, opaque to use cases (store them, pass them back); people are our person ids.
import type { Message } from "../../core/screens/message.ts";

export interface ChannelRef {
  workspaceId: string;
  /** The platform's id (Slack "C…", a Teams channel id). */
  channelId: string;
}

/** A message in a channel: the root of a thread, or a message to update or pin. */
export interface PostRef extends ChannelRef {
  messageId: string;
}

export interface FileUpload {
  filename: string;
  title: string;
  bytes: Uint8Array;
  /** Posted with the file. */
  comment?: string;
}

export interface InviteOutcome {
  /** Person ids now in the channel who were not before. */
  invited: string[];
  alreadyIn: string[];
  /** Person ids with no account on the channel's platform. */
  unreachable: string[];
}

/** What became of a channel the bot made: "archived" or "gone" (deleted) by hand; "unknown" where the platform cannot tell. */
export type ChannelState = "open" | "archived" | "gone" | "unknown";

export interface ChannelsPort {
  /** A new channel with the bot in it. Throws `ChannelNameTakenError` when the name is used. */
  create(workspaceId: string, channel: { name: string; isPrivate: boolean }): Promise<ChannelRef & { name: string }>;
  invite(channel: ChannelRef, personIds: string[]): Promise<InviteOutcome>;
  state(channel: ChannelRef): Promise<ChannelState>;
  post(channel: ChannelRef, message: Message): Promise<PostRef>;
  /** A reply in the thread under `thread`. */
  reply(thread: PostRef, message: Message): Promise<PostRef>;
  update(post: PostRef, message: Message): Promise<void>;
  pin(post: PostRef): Promise<void>;
  /** Shares a file in the channel, or in the thread under `to` when it is a post. */
  upload(to: ChannelRef | PostRef, file: FileUpload): Promise<void>;
}
