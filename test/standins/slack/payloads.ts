import { randomBytes } from "node:crypto";
import { slackId } from "./ids.ts";
import { messageJson, viewJson } from "./serialize.ts";
import type { WorkspaceState } from "./state.ts";
import type { JsonObject, SlackMessage, SlackView, ViewStateValues } from "./types.ts";

/** Builders of the payloads Slack sends to an app, mirroring their real shapes. */

/** The legacy verification token Slack still puts in payloads; the stand-in uses a fixed fake one. */
export const VERIFICATION_TOKEN = "standInVerificationToken";

export function userRef(state: WorkspaceState, userId: string): JsonObject {
  const name = state.user(userId)?.name ?? userId;
  return { id: userId, username: name, name, team_id: state.identity.teamId };
}

export function teamRef(state: WorkspaceState): JsonObject {
  return { id: state.identity.teamId, domain: state.identity.teamDomain };
}

export interface SlashCommandFields {
  command: string;
  text: string;
  userId: string;
  channelId: string;
  triggerId: string;
  responseUrl: string;
}

export function slashCommandForm(state: WorkspaceState, f: SlashCommandFields): string {
  const channel = state.channel(f.channelId);
  const channelName = channel?.kind === "im" ? "directmessage" : (channel?.name ?? "unknown");
  return new URLSearchParams({
    token: VERIFICATION_TOKEN,
    team_id: state.identity.teamId,
    team_domain: state.identity.teamDomain,
    channel_id: f.channelId,
    channel_name: channelName,
    user_id: f.userId,
    user_name: state.user(f.userId)?.name ?? f.userId,
    command: f.command,
    text: f.text,
    api_app_id: state.identity.appId,
    is_enterprise_install: "false",
    response_url: f.responseUrl,
    trigger_id: f.triggerId,
  }).toString();
}

function common(state: WorkspaceState, userId: string): JsonObject {
  return {
    team: teamRef(state),
    user: userRef(state, userId),
    api_app_id: state.identity.appId,
    token: VERIFICATION_TOKEN,
    enterprise: null,
    is_enterprise_install: false,
  };
}

/** The view as Slack sends it back in interaction payloads, with the given state values. */
export function viewPayload(view: SlackView, values: ViewStateValues): JsonObject {
  return { ...viewJson(view), state: { values: structuredClone(values) } };
}

export interface BlockActionsSource {
  view?: SlackView;
  viewValues?: ViewStateValues;
  message?: SlackMessage;
  responseUrl?: string;
  container?: JsonObject;
}

export function blockActionsPayload(
  state: WorkspaceState,
  userId: string,
  actions: JsonObject[],
  triggerId: string,
  source: BlockActionsSource,
): JsonObject {
  const payload: JsonObject = { type: "block_actions", ...common(state, userId), trigger_id: triggerId, actions };
  if (source.view) {
    payload.container = { type: "view", view_id: source.view.id };
    payload.view = viewPayload(source.view, source.viewValues ?? source.view.state.values);
  }
  if (source.message) {
    const channel = state.channel(source.message.channel);
    payload.container = {
      type: "message",
      message_ts: source.message.ts,
      channel_id: source.message.channel,
      is_ephemeral: false,
    };
    payload.channel = { id: source.message.channel, name: channel?.kind === "im" ? "directmessage" : channel?.name };
    payload.message = messageJson(source.message, true);
    payload.state = { values: {} };
  }
  if (source.responseUrl) payload.response_url = source.responseUrl;
  if (source.container) payload.container = source.container;
  return payload;
}

export function viewSubmissionPayload(
  state: WorkspaceState,
  userId: string,
  view: SlackView,
  values: ViewStateValues,
  triggerId: string,
): JsonObject {
  return {
    type: "view_submission",
    ...common(state, userId),
    trigger_id: triggerId,
    view: viewPayload(view, values),
    response_urls: [],
  };
}

export function viewClosedPayload(
  state: WorkspaceState,
  userId: string,
  view: SlackView,
  isCleared: boolean,
): JsonObject {
  return {
    type: "view_closed",
    ...common(state, userId),
    view: viewPayload(view, view.state.values),
    is_cleared: isCleared,
  };
}

export interface SuggestionFields {
  userId: string;
  actionId: string;
  blockId: string;
  value: string;
  view?: SlackView;
  message?: SlackMessage;
}

export function blockSuggestionPayload(state: WorkspaceState, f: SuggestionFields): JsonObject {
  const payload: JsonObject = {
    type: "block_suggestion",
    ...common(state, f.userId),
    action_id: f.actionId,
    block_id: f.blockId,
    value: f.value,
  };
  if (f.view) {
    payload.container = { type: "view", view_id: f.view.id };
    payload.view = viewPayload(f.view, f.view.state.values);
  }
  if (f.message) {
    payload.container = { type: "message", message_ts: f.message.ts, channel_id: f.message.channel };
    payload.channel = { id: f.message.channel };
    payload.message = messageJson(f.message, true);
  }
  return payload;
}

export interface EnvelopeFields {
  event: JsonObject;
  eventId?: string;
  eventTime?: number;
}

/** The Events API `event_callback` envelope. */
export function eventEnvelope(state: WorkspaceState, f: EnvelopeFields): JsonObject {
  const eventTime = f.eventTime ?? state.nowSeconds();
  const eventTs = typeof f.event.event_ts === "string" ? f.event.event_ts : state.nextTs();
  return {
    token: VERIFICATION_TOKEN,
    team_id: state.identity.teamId,
    context_team_id: state.identity.teamId,
    context_enterprise_id: null,
    api_app_id: state.identity.appId,
    event: { ...f.event, event_ts: eventTs },
    type: "event_callback",
    event_id: f.eventId ?? slackId("Ev", 12),
    event_time: eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: state.identity.teamId,
        user_id: state.identity.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(24).toString("base64url")}`,
  };
}

export function urlVerificationBody(challenge: string): JsonObject {
  return { token: VERIFICATION_TOKEN, challenge, type: "url_verification" };
}
