// The browser workspace as Clusterbot sees it: what the bot can do there, and what people do that the bot hears.
// The adapter (./adapter) maps this to the interaction core, as the Slack adapter maps Bolt. Content is the core's
// own: a Message, a FormScreen or a PanelScreen, drawn by the browser. Ids are the workspace's own: a person's id is
// their PlatformUser id (= externalId), a channel's id its PlatformChannel id (= externalId).
import type { FieldErrors, FieldOption, RawValues } from "../../core/forms/spec.ts";
import type { ScreenContext } from "../../core/screens/context.ts";
import type { Message } from "../../core/screens/message.ts";
import type { PanelScreen, Screen } from "../../core/screens/screens.ts";
import type { CommandWord, WirePerson } from "./protocol.ts";

export type { CommandWord, WirePerson };

/** A channel, or the direct conversation between Clusterbot and one person. */
export type MessageTarget = { channelId: string } | { userId: string };

export interface BotMessage {
  to: MessageTarget;
  content: Message;
  /** A reply in this message's thread. */
  threadRootId?: string;
  /** Only this person sees it (a private reply in a channel). */
  onlyVisibleTo?: string;
  /** Kept with the message and searched by `findDirect` (e.g. a notification key). */
  metadata?: Record<string, string>;
}

export interface PostedMessage {
  messageId: string;
  channelId: string;
  threadRootId: string | null;
}

export interface BotFile {
  filename: string;
  title: string;
  bytes: Uint8Array;
  /** Posted with the file. */
  comment?: string;
}

export interface CreatedChannel {
  channelId: string;
  name: string;
}

export type ActionSource =
  | { kind: "message"; messageId: string; channelId: string; threadRootId: string | null }
  | { kind: "home" }
  /** A button on a panel dialog: its screen id and context come back. */
  | { kind: "dialog"; dialogId: string; screenId: string; context: ScreenContext };

/** A file a person sent with a message; its bytes are read with `WebBotApi.readFile`. */
export interface SentFile {
  fileId: string;
  filename: string;
  size: number;
}

/**
 * What people do. `eventId` is unique per occurrence (a replay of the same occurrence keeps it). The bot hears
 * messages in channels and in each person's conversation with it, not those between two people.
 */
export type WebInboundEvent =
  | {
      type: "message";
      eventId: string;
      userId: string;
      channelId: string;
      /** A channel (public or private), or the person's direct conversation with Clusterbot. */
      conversation: "channel" | "direct";
      threadRootId: string | null;
      messageId: string;
      /** What the person wrote (with a file: the text sent with it, maybe empty). */
      text: string;
      files: SentFile[];
    }
  | { type: "message.edited"; eventId: string; userId: string; channelId: string; messageId: string; text: string }
  /** `/cluster …` typed in a message box; `text` is what follows "/cluster". */
  | {
      type: "command";
      eventId: string;
      userId: string;
      channelId: string;
      threadRootId: string | null;
      text: string;
    }
  | { type: "action"; eventId: string; userId: string; actionId: string; value: string; source: ActionSource }
  | {
      type: "dialog.submit";
      eventId: string;
      userId: string;
      dialogId: string;
      formId: string;
      /** The chosen submit action of a form with several (`FormSpec.actions`); null for a form with one. */
      action: string | null;
      values: RawValues;
      context: ScreenContext;
    }
  /** Only for forms opened with `notifyOnClose`. */
  | {
      type: "dialog.close";
      eventId: string;
      userId: string;
      dialogId: string;
      formId: string;
      values: RawValues;
      context: ScreenContext;
    }
  /** The person looks at their home view. */
  | { type: "home.opened"; eventId: string; userId: string };

export interface SuggestQuery {
  userId: string;
  dialogId: string;
  formId: string;
  fieldId: string;
  query: string;
  context: ScreenContext;
}

export interface WebBotHandler {
  /**
   * Called after the workspace has stored what the person did and answered their browser. For `dialog.submit`,
   * the dialog waits until this resolves: call `updateDialog`, `showErrors` or `closeDialog` before; a dialog still
   * waiting afterwards is closed. If this throws, the person gets their form back with a notice.
   */
  handle(event: WebInboundEvent): Promise<void>;
  /** Options for a type-ahead (`search`) field as the person types. */
  suggest(query: SuggestQuery): Promise<FieldOption[]>;
}

export interface BotRegistration {
  /** The `/cluster` commands the message box completes (like the slash commands of a Slack app manifest). */
  commands: CommandWord[];
}

export interface WebBotApi {
  readonly workspace: { id: string; externalId: string; name: string };
  people(): Promise<WirePerson[]>;
  person(userId: string): Promise<WirePerson | null>;
  post(message: BotMessage): Promise<PostedMessage>;
  update(messageId: string, content: Message): Promise<PostedMessage>;
  pin(messageId: string): Promise<void>;
  /** Shares a file in a channel (or a thread): a message with a download link that only its readers can follow. */
  upload(to: { channelId: string; threadRootId?: string }, file: BotFile): Promise<PostedMessage>;
  /** The bytes of a file a person sent (named by a `message` event). */
  readFile(fileId: string): Promise<Uint8Array>;
  /** Whether a direct message to this person since `since` carries this metadata. */
  findDirect(userId: string, metadata: Record<string, string>, since: Date): Promise<boolean>;
  /** Opens a dialog (a form or a panel); the person's earlier dialog closes. */
  openDialog(userId: string, screen: Screen): Promise<{ dialogId: string }>;
  /** Shows another screen in an open dialog (the next step, a refreshed overview). The same form keeps what was typed. */
  updateDialog(dialogId: string, screen: Screen): Promise<void>;
  /** Keeps the form as it is, with these errors next to its fields and `summary` above them. */
  showErrors(dialogId: string, errors: FieldErrors, summary?: string): Promise<void>;
  closeDialog(dialogId: string): Promise<void>;
  createChannel(input: {
    name: string;
    visibility: "public" | "private";
    topic?: string;
    memberIds: string[];
  }): Promise<CreatedChannel>;
  /** Returns who was added (the others were in already). */
  addMembers(channelId: string, userIds: string[]): Promise<string[]>;
  setHome(userId: string, panel: PanelScreen): Promise<void>;
  /**
   * Starts hearing what people do; returns the function that stops it. One bot at a time. On connecting, commands
   * and thread replies typed while no bot listened are handed over (or, when too old, answered "type it again").
   */
  connect(handler: WebBotHandler, registration: BotRegistration): () => void;
}

/** Something the bot asked for that the workspace refuses (unknown channel, bad content, taken name…). */
export class WebBotError extends Error {
  readonly code: "not_found" | "invalid" | "name_taken" | "not_open";
  /** The workspace will refuse it again: trying later cannot help. */
  readonly retryable = false;

  constructor(code: WebBotError["code"], message: string) {
    super(message);
    this.name = "WebBotError";
    this.code = code;
  }
}
