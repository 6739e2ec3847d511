// The browser workspace as Clusterbot sees it: what the bot can do there, and what people do that the bot hears.
// Phase B's adapter maps this to the interaction core, as the Slack adapter maps Bolt. Ids are the workspace's
// own: a person's id is their PlatformUser id (= externalId), a channel's id its PlatformChannel id (= externalId).
import type { FieldErrors, FieldOption, FormSpec, RawValues } from "../../core/forms/spec.ts";
import type { DialogAction, MessageContent, WirePerson } from "./protocol.ts";

export type { DialogAction, MessageContent, WirePerson };

/** A channel, or the direct conversation between Clusterbot and one person. */
export type MessageTarget = { channelId: string } | { userId: string };

export interface BotMessage {
  to: MessageTarget;
  content: MessageContent;
  /** A reply in this message's thread. */
  threadRootId?: string;
  /** Only this person sees it (a private reply in a channel). */
  onlyVisibleTo?: string;
  /** Machine-readable data kept with the message, e.g. what sent it. */
  metadata?: unknown;
}

export interface PostedMessage {
  messageId: string;
  channelId: string;
  threadRootId: string | null;
}

export interface BotDialog {
  spec: FormSpec;
  /** Raw values to show instead of the spec's initial ones (e.g. what the person typed before an error). */
  values?: RawValues;
  /** Shown next to their fields, with a summary at the top. */
  errors?: FieldErrors;
  /** A message for the whole form. */
  notice?: string;
  /** The submit buttons (default: one, labelled with the spec's submitLabel, id "submit"). */
  actions?: DialogAction[];
  closeLabel?: string;
  /** Opaque; comes back with every submission, close and type-ahead query of this dialog. */
  context?: unknown;
}

export interface CreatedChannel {
  channelId: string;
  name: string;
}

export type ActionSource =
  | { kind: "message"; messageId: string; channelId: string; threadRootId: string | null }
  | { kind: "home" };

/** What people do. `eventId` is unique per occurrence (a retry of the same delivery keeps it). */
export type WebInboundEvent =
  | {
      type: "message";
      eventId: string;
      userId: string;
      channelId: string;
      threadRootId: string | null;
      messageId: string;
      text: string;
    }
  | { type: "message.edited"; eventId: string; userId: string; channelId: string; messageId: string; text: string }
  /** `/cluster …` typed in a message box; `text` is what follows "/cluster". */
  | { type: "command"; eventId: string; userId: string; channelId: string; threadRootId: string | null; text: string }
  | { type: "action"; eventId: string; userId: string; actionId: string; value: string; source: ActionSource }
  | {
      type: "dialog.submit";
      eventId: string;
      userId: string;
      dialogId: string;
      formId: string;
      actionId: string;
      values: RawValues;
      context: unknown;
    }
  | {
      type: "dialog.close";
      eventId: string;
      userId: string;
      dialogId: string;
      formId: string;
      values: RawValues;
      context: unknown;
    };

export interface SuggestQuery {
  userId: string;
  dialogId: string;
  formId: string;
  fieldId: string;
  source: string;
  query: string;
  context: unknown;
}

export interface WebBotHandler {
  /**
   * Called after the workspace has stored what the person did and answered their browser. For `dialog.submit`,
   * the dialog waits until this resolves: call `updateDialog` (next step, field errors) or `closeDialog` before;
   * a dialog still waiting afterwards is closed. If this throws, the person gets their form back with a notice.
   */
  handle(event: WebInboundEvent): Promise<void>;
  /** Options for a type-ahead (`search`) field as the person types. */
  suggest(query: SuggestQuery): Promise<FieldOption[]>;
}

export interface WebBotApi {
  readonly workspace: { id: string; name: string };
  people(): Promise<WirePerson[]>;
  person(userId: string): Promise<WirePerson | null>;
  post(message: BotMessage): Promise<PostedMessage>;
  update(messageId: string, content: MessageContent): Promise<PostedMessage>;
  openDialog(userId: string, dialog: BotDialog): Promise<{ dialogId: string }>;
  /** Shows the next step, or field errors, in an open dialog. */
  updateDialog(dialogId: string, dialog: BotDialog): Promise<void>;
  closeDialog(dialogId: string): Promise<void>;
  createChannel(input: {
    name: string;
    visibility: "public" | "private";
    topic?: string;
    memberIds: string[];
  }): Promise<CreatedChannel>;
  addMembers(channelId: string, userIds: string[]): Promise<void>;
  setHome(userId: string, content: MessageContent): Promise<void>;
  /** Starts hearing what people do; returns the function that stops it. One bot at a time. */
  connect(handler: WebBotHandler): () => void;
}

/** Something the bot asked for that the workspace refuses (unknown channel, bad content, taken name…). */
export class WebBotError extends Error {
  readonly code: "not_found" | "invalid" | "name_taken" | "not_open";

  constructor(code: WebBotError["code"], message: string) {
    super(message);
    this.name = "WebBotError";
    this.code = code;
  }
}
