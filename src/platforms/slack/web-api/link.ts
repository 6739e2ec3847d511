// Everything the app asks of one Slack workspace outside a request, on one bot token.
import type { PlatformLink } from "../../../app/ports/platform.ts";
import { type SlackCallerOptions, slackCaller } from "./call.ts";
import { slackChannels } from "./channels.ts";
import { slackMessenger } from "./messenger.ts";

export function createSlackLink(options: SlackCallerOptions): PlatformLink {
  const slack = slackCaller(options);
  return { messenger: slackMessenger(slack), channels: slackChannels(slack) };
}
