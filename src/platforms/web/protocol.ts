// What travels between the workspace server and the browser, as JSON. Shared by both sides (the client imports
// this file too), so it holds types only. Message content is the core's neutral Message (src/core/screens) as JSON:
// one model for every surface, with date-times as ISO strings the browser shows in its reader's zone.
import type { FieldErrors, FieldOption, RawValue, RawValues } from "../../core/forms/spec.ts";
import type { Block, Button } from "../../core/screens/blocks.ts";
import type { RichText } from "../../core/screens/text.ts";

export type { FieldErrors, FieldOption, RawValue, RawValues };

/** A value as JSON carries it: dates become ISO strings, everything else stays. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [Key in keyof T]: Json<T[Key]> }
      : T;

export type WireRichText = Json<RichText>;
export type WireButton = Json<Button>;

/** A file shared with a message (by the bot or a person): downloaded from `/api/files?id=…` by whoever may read its message. */
export interface FileBlock {
  kind: "file";
  fileId: string;
  filename: string;
  title: string;
  size: number;
}

export type WireBlock = Json<Block> | FileBlock;

/** A message's content: the core's Message as JSON (a person's message is a summary only), maybe with a file. */
export interface WireContent {
  summary: WireRichText;
  blocks?: WireBlock[];
}

/** A panel: the home view, or a read-only dialog with buttons. */
export interface WirePanel {
  title: string;
  blocks: WireBlock[];
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
  content: WireContent;
  createdAt: string;
  editedAt: string | null;
  pinned: boolean;
  version: number;
  replyCount: number;
  lastReplyAt: string | null;
  /** Only the viewer sees it (a private reply from Clusterbot, or the viewer's own /cluster command). */
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

interface DialogViewBase {
  id: string;
  version: number;
  title: string;
  closeLabel: string;
  /** `pending` while Clusterbot works on a submission. */
  status: "open" | "pending";
}

export interface FormDialogView extends DialogViewBase {
  kind: "form";
  /** The FormSpec id, e.g. "homework.results". */
  formId: string;
  intro: string | null;
  fields: DialogField[];
  /** The submit buttons, in order; the first is the main one. */
  actions: DialogAction[];
  values: RawValues;
  errors: FieldErrors;
  /** A message for the whole form (a problem about no one field, or why it could not be sent). */
  notice: string | null;
}

export interface PanelDialogView extends DialogViewBase, WirePanel {
  kind: "panel";
  /** The panel's id (e.g. "homework.overview"), given back with its buttons. */
  screenId: string;
}

export type DialogView = FormDialogView | PanelDialogView;

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
  /** The commands the connected bot takes (empty until it connects). */
  commands: CommandWord[];
  dialog: DialogView | null;
  home: WirePanel | null;
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
  | { type: "home"; home: WirePanel | null };

export interface ApiError {
  error: string;
  message: string;
  /** Field errors for a form the browser itself sends (e.g. a new channel). */
  fields?: FieldErrors;
}

/** Every request that changes something carries this header: a cross-site form or image cannot set it. */
export const csrfHeader = "x-clusterbot-request";

/** Where a file is downloaded from. */
export const fileDownloadPath = "/api/files";

/**
 * Where a person's file is sent: a POST whose body is the file's bytes (`application/octet-stream`, with our header),
 * and whose query names where it goes: `channelId`, optional `threadRootId`, `filename` and a `text` posted with it.
 */
export const fileUploadPath = "/api/files/upload";
/** The largest file a person may send (the server stops reading beyond it). */
export const maxUploadBytes = 10 * 1024 * 1024;
/** The most text sent with a file (it travels in the address). */
export const maxUploadTextLength = 2000;
