/** Shapes of the objects the Slack stand-in keeps, close to what Slack's Web API returns. */

/** A decoded JSON object (request argument, payload or response body). */
export type JsonObject = Record<string, unknown>;

/** Arguments of one Web API call after decoding (form fields are strings, JSON bodies keep their types). */
export type Args = Record<string, unknown>;

export interface SlackProfile {
  real_name: string;
  display_name: string;
  email?: string;
  image_72: string;
}

export interface SlackUser {
  id: string;
  team_id: string;
  name: string;
  real_name: string;
  deleted: boolean;
  is_bot: boolean;
  is_admin: boolean;
  tz: string;
  tz_label: string;
  tz_offset: number;
  profile: SlackProfile;
}

export interface SlackTopic {
  value: string;
  creator: string;
  last_set: number;
}

export type ChannelKind = "public" | "private" | "im" | "mpim";

export interface SlackChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  created: number;
  creator: string;
  is_archived: boolean;
  /** For IMs: the other user. */
  user?: string;
  members: string[];
  topic: SlackTopic;
  purpose: SlackTopic;
}

export interface MessageMetadata {
  event_type: string;
  event_payload: JsonObject;
}

export interface SlackMessage {
  type: "message";
  channel: string;
  ts: string;
  user: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  reply_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  metadata?: MessageMetadata;
  bot_id?: string;
  app_id?: string;
  team: string;
  edited?: { user: string; ts: string };
  /** Channels it is pinned in (pins.add). */
  pinned_to?: string[];
  /** Files shared with it (files.completeUploadExternal). */
  files?: { id: string; name: string; title: string; size: number }[];
}

/** A file announced by files.getUploadURLExternal; `bytes` once its upload URL received them. */
export interface SlackFile {
  id: string;
  filename: string;
  length: number;
  bytes?: Buffer;
  title?: string;
  /** Channels it was shared in. */
  channels: string[];
  /** Who shared it, for a file a user shared (the bot's uploads have none). */
  user?: string;
  /** How many times its `url_private_download` was fetched with the bot token. */
  downloads?: number;
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
}

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}

export interface SlackView {
  id: string;
  team_id: string;
  type: "modal" | "home";
  title?: PlainText;
  submit?: PlainText;
  close?: PlainText;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  hash: string;
  state: { values: ViewStateValues };
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  app_id: string;
  bot_id: string;
  app_installed_team_id: string;
}

/** `view.state.values[block_id][action_id]` as Slack sends it. */
export type ViewStateValues = Record<string, Record<string, JsonObject>>;

/** The modal windows a user has open: `views` is the stack, bottom first. */
export interface ViewStack {
  userId: string;
  views: string[];
}

export interface TriggerRecord {
  id: string;
  userId: string;
  issuedAt: number;
  /** The view the interaction came from, if any (needed for views.push). */
  viewId?: string;
  exchanged: boolean;
}

export interface DndStatus {
  dnd_enabled: boolean;
  next_dnd_start_ts: number;
  next_dnd_end_ts: number;
  snooze_enabled: boolean;
  snooze_endtime?: number;
}

export interface RecordedCall {
  method: string;
  args: Args;
  at: number;
  status: number;
  response: JsonObject;
}

export interface ResponseUrlPost {
  id: string;
  body: unknown;
  at: number;
  userId: string;
  channelId: string;
  /** What the stand-in did with it: posted in channel, as ephemeral, replaced/deleted the original, or rejected. */
  outcome: "in_channel" | "ephemeral" | "replaced" | "deleted" | "rejected";
  error?: string;
}
