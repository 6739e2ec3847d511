// What travels between the workspace server and the browser, as JSON. Shared by both sides (the client imports
// this file too), so it holds types only.
import type { FieldErrors, FieldOption, RawValue, RawValues } from "../../core/forms/spec.ts";

export type { FieldErrors, FieldOption, RawValue, RawValues };

/** A button in a message or home view; pressing it sends `actionId` and `value` to the bot. */
export interface MessageButton {
  actionId: string;
  label: string;
  value: string;
  style?: "primary" | "danger";
}

/** The neutral message content: `text` is literal (never markup) and is what notifications and screen readers get. */
export type MessageBlock =
  | { type: "paragraph"; heading?: string; text: string }
  | { type: "fields"; fields: { label: string; value: string }[] }
  | { type: "actions"; buttons: MessageButton[] }
  | { type: "context"; text: string }
  | { type: "divider" }
  /** A download or page of this server (a path starting with one "/"). */
  | { type: "link"; label: string; href: string };

export interface MessageContent {
  text: string;
  /** When present, shown instead of `text`. */
  blocks?: MessageBlock[];
}

export interface WirePerson {
  id: string;
  name: string;
  timezone: string | null;
}

export type ChannelKind = "public" | "private" | "direct";

export interface WireChannel {
  id: string;
  kind: ChannelKind;
  /** Channels: their name; direct conversations: who the viewer talks to. */
  name: string;
  topic: string | null;
  /** Private channels and direct conversations: who is in it (public channels: everybody). */
  memberIds: string[];
  isMember: boolean;
  /** A direct conversation with Clusterbot. */
  withBot: boolean;
  /** Messages the viewer has not seen yet. */
  unread: number;
}

export type MessageAuthor = { kind: "person"; id: string; name: string } | { kind: "bot"; name: string };

export interface WireMessage {
  id: string;
  seq: number;
  channelId: string;
  threadRootId: string | null;
  author: MessageAuthor;
  content: MessageContent;
  createdAt: string;
  editedAt: string | null;
  version: number;
  replyCount: number;
  lastReplyAt: string | null;
  /** Only the viewer sees it (a private reply from Clusterbot). */
  private: boolean;
}

interface DialogFieldBase {
  id: string;
  label: string;
  required: boolean;
  hint?: string;
  placeholder?: string;
}

/** A FormSpec field without its initial value (initial values travel in the dialog's `values`). */
export type DialogField = DialogFieldBase &
  (
    | { kind: "text" | "longText"; maxLength: number }
    | { kind: "number"; min: number; max: number }
    | { kind: "choice" | "choices"; options: FieldOption[] }
    | { kind: "people" }
    | { kind: "channel" }
    | { kind: "datetime" }
    | { kind: "search"; source: string; selected: FieldOption | null }
  );

export interface DialogAction {
  id: string;
  label: string;
  style?: "primary" | "danger";
}

export interface DialogView {
  id: string;
  version: number;
  /** The FormSpec id, e.g. "homework.results". */
  formId: string;
  title: string;
  intro: string | null;
  fields: DialogField[];
  /** The submit buttons, in order; the first is the main one. */
  actions: DialogAction[];
  closeLabel: string;
  values: RawValues;
  errors: FieldErrors;
  /** A message for the whole form (e.g. "Saved as a draft", or why it could not be sent). */
  notice: string | null;
  /** `pending` while Clusterbot works on a submission. */
  status: "open" | "pending";
}

export interface CommandWord {
  /** What follows "/cluster ", e.g. "project add". */
  words: string;
  hint: string;
}

export interface Bootstrap {
  me: WirePerson;
  workspace: { name: string };
  people: WirePerson[];
  channels: WireChannel[];
  commands: CommandWord[];
  dialog: DialogView | null;
  home: MessageContent | null;
  /** The person switcher is offered (sign-in by name). */
  devSignIn: boolean;
  botConnected: boolean;
}

export interface SessionState {
  signedIn: boolean;
  /** Sign-in by name is allowed from this browser; then the people to pick from. */
  devSignIn: boolean;
  people: WirePerson[];
}

/** Server-Sent Events, one `event:` name per type; `data` is the JSON of the event. */
export type LiveEvent =
  | { type: "ready" }
  | { type: "message"; message: WireMessage }
  | { type: "channel"; channel: WireChannel }
  | { type: "person"; person: WirePerson }
  | { type: "dialog"; dialog: DialogView | null; closedId: string | null }
  | { type: "home"; home: MessageContent | null };

export interface ApiError {
  error: string;
  message: string;
  /** Field errors for a form the browser itself sends (e.g. a new channel). */
  fields?: FieldErrors;
}

/** Every request that changes something carries this header: a cross-site form or image cannot set it. */
export const csrfHeader = "x-clusterbot-request";
