// What a person did, on any surface, as the app receives it: the adapter narrows the platform's payload to one of
// these (with zod) and hands it to the interaction core with the conversation to answer in.
import type { FieldOption, RawValues } from "../../core/forms/spec.ts";
import type { Platform } from "../../core/model/domain.ts";
import type { ScreenContext } from "../../core/screens/context.ts";

/** Who acted, where, as the platform names them. */
export interface Origin {
  platform: Platform;
  /** The platform's workspace id (Slack team id, Teams tenant id). */
  workspace: string;
  /** The platform's id of the person acting. */
  user: string;
  /** The platform's id of this delivery when it may deliver it again (Slack `event_id`): handled once. */
  deliveryId?: string;
}

/** Typed command text after the command's name: "/cluster project add" → "project add". */
export interface CommandInteraction {
  kind: "command";
  text: string;
  /** The platform's id of the channel it was typed in, where the surface has channels (a working group's channel; files go there). */
  channelId?: string;
}

/** A button (or menu) on a message, a screen or the home view. */
export interface ActionInteraction {
  kind: "action";
  /** The button's action id as the use case gave it (adapters strip their own decorations). */
  actionId: string;
  value: string;
  where: "message" | "screen" | "home";
  /** The screen's id (a panel's `id`, a form's `id`) when `where` is "screen". */
  screenId?: string;
  /** The context of the screen the button is on; empty for messages. */
  context: ScreenContext;
}

/** A form submitted. */
export interface SubmitInteraction {
  kind: "submit";
  formId: string;
  /** Which of the form's `actions` was chosen; null for a form with one submit action. */
  action: string | null;
  values: RawValues;
  context: ScreenContext;
  /** The platform's id of this submission when it has one (Slack: view id and hash), to recognise a replay. */
  submissionId?: string;
}

/** A form closed without submitting (only for screens opened with `notifyOnClose`). */
export interface ClosedInteraction {
  kind: "closed";
  formId: string;
  /** What was typed when it was closed. */
  values: RawValues;
  context: ScreenContext;
}

/** A type-ahead field asking for options matching what was typed so far. */
export interface SuggestInteraction {
  kind: "suggest";
  formId: string;
  fieldId: string;
  query: string;
  context: ScreenContext;
}

/** The person opened the bot's home (Slack App Home, a Teams personal tab, the web workspace). */
export interface HomeInteraction {
  kind: "home";
}

/** A message posted in a thread of a channel the bot is in (a working group's prompt thread). */
export interface ThreadMessageInteraction {
  kind: "thread-message";
  channelId: string;
  threadId: string;
  messageId: string;
  /** The text now (empty for a deleted message). */
  text: string;
  /** Absent for a new reply; "edited" or "deleted" when its author changed an earlier reply. */
  change?: "edited" | "deleted";
}

/**
 * A person's top-level message in a channel the bot is in (not in a thread). Only its being there matters: a working
 * group's channel counts it as the group's activity.
 */
export interface ChannelMessageInteraction {
  kind: "channel-message";
  channelId: string;
  messageId: string;
}

/** A file a person shared with the bot; its contents are fetched only when a use case reads it. */
export interface SharedFile {
  name: string;
  /** Bytes, as the platform reports it; absent where the platform does not say (Teams). */
  size?: number;
  /**
   * Downloads the contents, reading no more than `maxBytes` + 1 of them: "too-large" when the file is longer than
   * `maxBytes` (a size the platform reported is not trusted to be the truth); "unavailable" when the platform no
   * longer gives it (deleted, or its link lapsed or refused): only sharing it again helps.
   */
  read(maxBytes: number): Promise<Uint8Array | "too-large" | "unavailable">;
}

/** Files a person shared in their direct conversation with the bot (e.g. a spreadsheet to import). */
export interface FilesSharedInteraction {
  kind: "files-shared";
  files: SharedFile[];
}

export type Interaction =
  | CommandInteraction
  | ActionInteraction
  | SubmitInteraction
  | ClosedInteraction
  | SuggestInteraction
  | HomeInteraction
  | ThreadMessageInteraction
  | ChannelMessageInteraction
  | FilesSharedInteraction;

export interface Incoming {
  origin: Origin;
  interaction: Interaction;
}

export type { FieldOption };
