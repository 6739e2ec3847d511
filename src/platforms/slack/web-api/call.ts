// One Web API call, narrowed with zod: a 429 becomes RateLimitedError at once (no waiting inside the client) and
// nothing is retried here, since the scheduler owns waiting and retrying; `ok: false` becomes SlackCallError.
import { webApi } from "@slack/bolt";
import type { z } from "zod";
import { RateLimitedError } from "../../../app/ports/errors.ts";
import type { Logger } from "../../../logging/logger.ts";

/** Slack answered `ok: false` (or something unreadable). `retryable` is false when another attempt cannot help. */
export class SlackCallError extends Error {
  readonly method: string;
  readonly code: string;
  readonly retryable: boolean;

  constructor(method: string, code: string, options?: { cause?: unknown }) {
    super(`Slack ${method} failed: ${code}`, options);
    this.name = "SlackCallError";
    this.method = method;
    this.code = code;
    this.retryable = !permanentErrors.has(code);
  }
}

const permanentErrors = new Set([
  "account_inactive",
  "cannot_dm_bot",
  "channel_not_found",
  "invalid_auth",
  "invalid_blocks",
  "invalid_name",
  "invalid_name_maxlength",
  "invalid_name_punctuation",
  "invalid_name_required",
  "invalid_name_specials",
  "is_archived",
  "missing_scope",
  "msg_too_long",
  "no_permission",
  "not_authed",
  "not_in_channel",
  "token_revoked",
  "user_not_found",
  "users_not_found",
]);

export interface SlackCallerOptions {
  token: string;
  /** Web API base URL, e.g. the local stand-in's; Slack's by default. */
  apiUrl?: string;
  logger?: Logger;
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
  /** Called when Slack refuses the token itself (revoked, uninstalled): the owner forgets its cached client. */
  onRevokedToken?: () => void;
}

/** Slack's answers meaning "this token is no good any more". */
const revokedTokenErrors = new Set(["invalid_auth", "token_revoked", "account_inactive", "not_authed"]);

export interface SlackCaller {
  call<T>(method: string, args: Record<string, unknown>, schema: z.ZodType<T>): Promise<T>;
  /** The underlying client, for helpers that make several calls (filesUploadV2). */
  client: InstanceType<typeof webApi.WebClient>;
  /** Runs a call through the same error mapping. */
  guard<T>(method: string, work: () => Promise<T>): Promise<T>;
}

export function slackCaller(options: SlackCallerOptions): SlackCaller {
  const client = new webApi.WebClient(options.token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: options.timeoutMs ?? 10_000,
    logLevel: webApi.LogLevel.ERROR,
  });
  const log = options.logger;

  async function guard<T>(method: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof webApi.WebAPIRateLimitedError) {
        log?.debug({ method, retryAfter: error.retryAfter }, "Slack rate limit");
        throw new RateLimitedError(error.retryAfter, { cause: error });
      }
      if (error instanceof webApi.WebAPIPlatformError) {
        if (revokedTokenErrors.has(error.data.error)) options.onRevokedToken?.();
        throw new SlackCallError(method, error.data.error, { cause: error });
      }
      throw error;
    }
  }

  return {
    client,
    guard,
    async call(method, args, schema) {
      const response = await guard(method, () => client.apiCall(method, args));
      const parsed = schema.safeParse(response);
      if (!parsed.success) throw new SlackCallError(method, "unexpected_response", { cause: parsed.error });
      return parsed.data;
    },
  };
}
