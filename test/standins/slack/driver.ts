import { randomBytes, randomUUID } from "node:crypto";
import { findElement } from "./blocks.ts";
import { type DriverResponse, type SendOptions, sendSigned } from "./bot-client.ts";
import { fileDownloadUrl } from "./download.ts";
import { formatProblems } from "./errors.ts";
import { slackId } from "./ids.ts";
import { checkSuggestionOptions } from "./limits.ts";
import {
  blockActionsPayload,
  blockSuggestionPayload,
  eventEnvelope,
  slashCommandForm,
  urlVerificationBody,
  viewClosedPayload,
  viewSubmissionPayload,
} from "./payloads.ts";
import { applyViewSubmissionAnswer, type ResponseActionOutcome } from "./response-actions.ts";
import { viewJson } from "./serialize.ts";
import { envelopeFor, type SocketModeDesk } from "./socket-mode.ts";
import type { WorkspaceState } from "./state.ts";
import { storeMessage } from "./threads.ts";
import type { JsonObject, SlackMessage, ViewStateValues } from "./types.ts";
import { clearStack, popStack } from "./view-store.ts";
import { elementValue, type SimpleInput, stateValuesFor } from "./view-values.ts";

export interface SlackDriverOptions {
  state: WorkspaceState;
  signingSecret: string;
  /** Root URL of the stand-in server, ending with `/` (response_urls point here). */
  standInUrl: string;
  /** Default bot endpoint, e.g. `http://127.0.0.1:3000/slack/events`. */
  botUrl?: string;
  /** The Socket Mode socket, for `transport: "socket"`. */
  socketMode?: SocketModeDesk;
}

export interface SlashCommandInput extends SendOptions {
  command: string;
  text?: string;
  userId: string;
  channelId: string;
}

export interface ActionInput {
  actionId: string;
  /** Needed only when several blocks hold the same action_id. */
  blockId?: string;
  /** Button value (default: the button's own) or other `value`. */
  value?: string;
  /** Selection for selects, checkboxes and pickers, as in `stateValuesFor`. */
  selected?: SimpleInput;
  /** Fields added to (or replacing those of) the action object. */
  extra?: JsonObject;
}

export interface BlockActionsInput extends SendOptions {
  userId: string;
  actions: ActionInput[];
  /** Id of the stored modal or App Home view the action happened in. */
  viewId?: string;
  /** The message the action happened on. */
  message?: { channelId: string; ts: string };
  /** Current `view.state.values` (default: the stored view's). */
  values?: ViewStateValues;
  /** Replaces the computed `container`. */
  container?: JsonObject;
}

export interface ViewSubmissionInput extends SendOptions {
  userId: string;
  viewId: string;
  /** Raw `view.state.values`; or use `inputs`. */
  values?: ViewStateValues;
  /** `{ action_id: input }`, turned into state.values with `stateValuesFor`. */
  inputs?: Record<string, SimpleInput>;
}

export interface ViewClosedInput extends SendOptions {
  userId: string;
  viewId: string;
  isCleared?: boolean;
  /** What the user had typed before closing (Slack sends it with view_closed). */
  inputs?: Record<string, SimpleInput>;
}

export interface BlockSuggestionInput extends SendOptions {
  userId: string;
  actionId: string;
  blockId?: string;
  value: string;
  viewId?: string;
  message?: { channelId: string; ts: string };
}

export interface EventInput extends SendOptions {
  event: JsonObject;
  eventId?: string;
  eventTime?: number;
}

export interface UserMessageInput extends SendOptions {
  userId: string;
  text: string;
  /** Default: the user's DM with the bot. */
  channelId?: string;
  threadTs?: string;
}

export interface FileShareInput extends SendOptions {
  userId: string;
  filename: string;
  bytes: Uint8Array;
  /** The message typed with the file, if any. */
  text?: string;
}

export interface RawInput extends SendOptions {
  body: string;
  contentType?: string;
  /** Sign the body (default true); `false` sends no signature headers unless given in `headers`. */
  sign?: boolean;
}

export type WithTrigger = DriverResponse & { triggerId: string };
export type SlashCommandResult = WithTrigger & { responseUrl: string };
export type ViewSubmissionResult = WithTrigger & { responseAction: ResponseActionOutcome };
/** `problems` lists Slack limit violations in the returned options (e.g. more than 100). */
export type BlockSuggestionResult = DriverResponse & { problems: string[] };

/** Sends correctly signed Slack requests to the bot, as Slack would, and applies their effects to the state. */
export class SlackDriver {
  botUrl: string | undefined;
  /** How requests reach the bot: signed HTTP POSTs to `botUrl` (default), or envelopes over the Socket Mode socket. */
  transport: "http" | "socket" = "http";
  readonly #socketMode: SocketModeDesk | undefined;
  readonly #state: WorkspaceState;
  readonly #signingSecret: string;
  readonly #standInUrl: string;

  constructor(options: SlackDriverOptions) {
    this.#state = options.state;
    this.#signingSecret = options.signingSecret;
    this.#standInUrl = options.standInUrl;
    this.botUrl = options.botUrl;
    this.#socketMode = options.socketMode;
  }

  async slashCommand(input: SlashCommandInput): Promise<SlashCommandResult> {
    const triggerId = this.#state.issueTrigger(input.userId);
    const responseUrl = this.#responseUrl(input.userId, input.channelId);
    const body = slashCommandForm(this.#state, { ...input, text: input.text ?? "", triggerId, responseUrl });
    const response = await this.#send(body, "application/x-www-form-urlencoded", input);
    return { ...response, triggerId, responseUrl };
  }

  async blockActions(input: BlockActionsInput): Promise<WithTrigger> {
    const view = input.viewId === undefined ? undefined : this.#state.requireView(input.viewId);
    const message = input.message ? this.#message(input.message) : undefined;
    if (view && input.values) view.state.values = structuredClone(input.values);
    const blocks = view?.blocks ?? message?.blocks ?? [];
    const actions = input.actions.map((a) => this.#action(blocks, a));
    const triggerId = this.#state.issueTrigger(input.userId, view?.id);
    const payload = blockActionsPayload(this.#state, input.userId, actions, triggerId, {
      ...(view ? { view } : {}),
      ...(message ? { message, responseUrl: this.#responseUrl(input.userId, message.channel, message.ts) } : {}),
      ...(input.container ? { container: input.container } : {}),
    });
    return { ...(await this.#sendPayload(payload, input)), triggerId };
  }

  async viewSubmission(input: ViewSubmissionInput): Promise<ViewSubmissionResult> {
    const view = this.#state.requireView(input.viewId);
    const values = input.values ?? stateValuesFor(view, input.inputs ?? {});
    view.state.values = structuredClone(values);
    const triggerId = this.#state.issueTrigger(input.userId, view.id);
    const payload = viewSubmissionPayload(this.#state, input.userId, view, values, triggerId);
    const response = await this.#sendPayload(payload, input);
    const responseAction = applyViewSubmissionAnswer(this.#state, input.userId, view, response.status, response.body);
    return { ...response, triggerId, responseAction };
  }

  /**
   * The person closes the modal. As in Slack, the bot hears of it (`view_closed`) only when the view was opened with
   * `notify_on_close: true`; otherwise nothing is sent and `delivered` is false.
   */
  async viewClosed(input: ViewClosedInput): Promise<DriverResponse & { delivered: boolean }> {
    const view = this.#state.requireView(input.viewId);
    const isCleared = input.isCleared ?? false;
    const close = () => (isCleared ? clearStack(this.#state, input.userId) : popStack(this.#state, input.userId));
    if (!view.notify_on_close) {
      close();
      return { status: 200, headers: {}, body: "", delivered: false };
    }
    const values = input.inputs ? stateValuesFor(view, input.inputs) : view.state.values;
    const payload = viewClosedPayload(this.#state, input.userId, { ...view, state: { values } }, isCleared);
    const response = await this.#sendPayload(payload, input);
    close();
    return { ...response, delivered: true };
  }

  async blockSuggestion(input: BlockSuggestionInput): Promise<BlockSuggestionResult> {
    const view = input.viewId === undefined ? undefined : this.#state.requireView(input.viewId);
    const message = input.message ? this.#message(input.message) : undefined;
    const blocks = view?.blocks ?? message?.blocks ?? [];
    const blockId = input.blockId ?? findElement(blocks, input.actionId)?.blockId ?? "";
    const payload = blockSuggestionPayload(this.#state, {
      userId: input.userId,
      actionId: input.actionId,
      blockId,
      value: input.value,
      ...(view ? { view } : {}),
      ...(message ? { message } : {}),
    });
    const response = await this.#sendPayload(payload, input);
    const problems = response.status === 200 ? formatProblems(checkSuggestionOptions(response.body)) : [];
    return { ...response, problems };
  }

  async event(input: EventInput): Promise<DriverResponse> {
    const envelope = eventEnvelope(this.#state, input);
    return this.#send(JSON.stringify(envelope), "application/json", input);
  }

  /** Stores a message from a user (DM by default) and delivers the `message` event. */
  async userMessage(input: UserMessageInput): Promise<DriverResponse & { ts: string; channelId: string }> {
    const channel = input.channelId ? this.#state.requireChannel(input.channelId) : this.#state.imWith(input.userId);
    const message: SlackMessage = {
      type: "message",
      channel: channel.id,
      ts: this.#state.nextTs(),
      user: input.userId,
      text: input.text,
      team: this.#state.identity.teamId,
    };
    storeMessage(this.#state, message, input.threadTs);
    const channelType = { public: "channel", private: "group", im: "im", mpim: "mpim" }[channel.kind];
    const { channel: _c, ...fields } = message;
    const event: JsonObject = {
      ...fields,
      channel: channel.id,
      channel_type: channelType,
      client_msg_id: randomUUID(),
      event_ts: message.ts,
    };
    const response = await this.event({ ...input, event });
    return { ...response, ts: message.ts, channelId: channel.id };
  }

  /**
   * A user shares a file in their DM with the bot: the file is stored (downloadable at its `url_private_download`
   * with the bot token) and the `message` event with subtype `file_share` is delivered, signed.
   */
  async userSharesFile(input: FileShareInput): Promise<DriverResponse & { fileId: string }> {
    const channel = this.#state.imWith(input.userId);
    const fileId = slackId("F");
    const bytes = Buffer.from(input.bytes);
    this.#state.files.set(fileId, {
      id: fileId,
      filename: input.filename,
      title: input.filename,
      length: bytes.length,
      bytes,
      channels: [channel.id],
      user: input.userId,
    });
    const ts = this.#state.nextTs();
    const extension = /\.([a-z0-9]+)$/i.exec(input.filename)?.[1]?.toLowerCase() ?? "binary";
    const event: JsonObject = {
      type: "message",
      subtype: "file_share",
      text: input.text ?? "",
      user: input.userId,
      team: this.#state.identity.teamId,
      upload: false,
      display_as_bot: false,
      channel: channel.id,
      channel_type: "im",
      ts,
      event_ts: ts,
      client_msg_id: randomUUID(),
      files: [
        {
          id: fileId,
          created: Math.floor(Number(ts)),
          timestamp: Math.floor(Number(ts)),
          name: input.filename,
          title: input.filename,
          mimetype: "application/octet-stream",
          filetype: extension,
          user: input.userId,
          size: bytes.length,
          mode: "hosted",
          is_external: false,
          url_private: fileDownloadUrl(this.#state, fileId, input.filename).replace("/download/", "/"),
          url_private_download: fileDownloadUrl(this.#state, fileId, input.filename),
        },
      ],
    };
    const response = await this.event({ ...input, event });
    return { ...response, fileId };
  }

  async appHomeOpened(input: SendOptions & { userId: string; tab?: "home" | "messages" }): Promise<DriverResponse> {
    const home = this.#state.homeView(input.userId);
    const event: JsonObject = {
      type: "app_home_opened",
      user: input.userId,
      channel: this.#state.imWith(input.userId).id,
      tab: input.tab ?? "home",
      ...(home ? { view: viewJson(home) } : {}),
    };
    return this.event({ ...input, event });
  }

  async urlVerification(options: SendOptions = {}): Promise<DriverResponse & { challenge: string }> {
    const challenge = randomBytes(24).toString("base64url");
    const response = await this.#send(JSON.stringify(urlVerificationBody(challenge)), "application/json", options);
    return { ...response, challenge };
  }

  /** Sends any body (signed unless `sign: false`) for hostile-input tests. */
  async raw(input: RawInput): Promise<DriverResponse> {
    const contentType = input.contentType ?? "application/json";
    if (input.sign === false) {
      const response = await fetch(this.#url(input), {
        method: "POST",
        headers: { "content-type": contentType, ...input.headers },
        body: input.body,
      });
      const text = await response.text();
      return { status: response.status, headers: Object.fromEntries(response.headers), body: text };
    }
    return this.#send(input.body, contentType, input);
  }

  /** `view.state.values` for a stored view from `{ action_id: input }`. */
  stateValues(viewId: string, inputs: Record<string, SimpleInput>): ViewStateValues {
    return stateValuesFor(this.#state.requireView(viewId), inputs);
  }

  #action(blocks: unknown[], input: ActionInput): JsonObject {
    const found = findElement(blocks, input.actionId, input.blockId);
    if (!found && input.blockId === undefined) {
      throw new Error(`blockActions: no element with action_id ${input.actionId}; pass blockId to send it anyway`);
    }
    const element = found?.element ?? { type: "button" };
    const action: JsonObject = {
      action_id: input.actionId,
      block_id: found?.blockId ?? input.blockId ?? "",
      type: String(element.type),
      action_ts: this.#state.nextTs(),
    };
    if (element.type === "button") {
      if (element.text !== undefined) action.text = element.text;
      const value = input.value ?? element.value;
      if (value !== undefined) action.value = value;
      if (element.style !== undefined) action.style = element.style;
    } else {
      if (input.selected !== undefined) {
        const { type: _type, ...selection } = elementValue(element, input.selected);
        Object.assign(action, selection);
      }
      if (input.value !== undefined) action.value = input.value;
    }
    return { ...action, ...input.extra };
  }

  #message(ref: { channelId: string; ts: string }): SlackMessage {
    const message = this.#state.message(ref.channelId, ref.ts);
    if (!message) throw new Error(`no message ${ref.ts} in ${ref.channelId}`);
    return message;
  }

  #responseUrl(userId: string, channelId: string, messageTs?: string): string {
    return `${this.#standInUrl}response/${this.#state.issueResponseUrl(userId, channelId, messageTs)}`;
  }

  #url(options: SendOptions): string {
    const url = options.url ?? this.botUrl;
    if (!url) throw new Error("SlackDriver: no bot URL (set driver.botUrl or pass url)");
    return url;
  }

  #sendPayload(payload: JsonObject, options: SendOptions): Promise<DriverResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.#send(body, "application/x-www-form-urlencoded", options);
  }

  #send(body: string, contentType: string, options: SendOptions): Promise<DriverResponse> {
    if (this.transport === "socket") {
      if (!this.#socketMode) throw new Error("SlackDriver: no Socket Mode desk");
      const { type, payload } = envelopeFor(body, contentType);
      // Slack lets the app answer commands and interactions with a payload; events are only acknowledged.
      return this.#socketMode.deliver(type, payload, type !== "events_api");
    }
    return sendSigned({
      url: this.#url(options),
      signingSecret: this.#signingSecret,
      body,
      contentType,
      // Real time, not the state clock: the bot checks the timestamp against its own clock.
      nowSeconds: Math.floor(Date.now() / 1000),
      options,
    });
  }
}
