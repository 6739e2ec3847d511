export type { DriverResponse, SendOptions } from "./bot-client.ts";
export type {
  ActionInput,
  BlockActionsInput,
  BlockSuggestionInput,
  BlockSuggestionResult,
  EventInput,
  RawInput,
  SlashCommandInput,
  SlashCommandResult,
  UserMessageInput,
  ViewClosedInput,
  ViewSubmissionInput,
  ViewSubmissionResult,
  WithTrigger,
} from "./driver.ts";
export { SlackDriver } from "./driver.ts";
export { LIMITS } from "./limits.ts";
export type { RateLimitRule, RateLimits } from "./rate-limit.ts";
export { RateLimiter } from "./rate-limit.ts";
export type { ResponseActionOutcome } from "./response-actions.ts";
export { createSlackStandIn, type SlackStandIn, type SlackStandInOptions } from "./server.ts";
export { isValidSignature, signatureHeaders, slackSignature } from "./signing.ts";
export { type SocketAck, type SocketEnvelope, SocketModeDesk } from "./socket-mode.ts";
export { type ChannelSeed, type UserSeed, WorkspaceState } from "./state.ts";
export type * from "./types.ts";
export { type SimpleInput, stateValuesFor } from "./view-values.ts";
