import type { IncomingMessage, ServerResponse } from "node:http";
import { SlackApiError } from "./errors.ts";
import { parseArgs, requestToken, sendJson } from "./http.ts";
import { METHODS } from "./methods/index.ts";
import type { RateLimiter } from "./rate-limit.ts";
import type { WorkspaceState } from "./state.ts";
import type { Args, JsonObject } from "./types.ts";

export interface WebApiDeps {
  state: WorkspaceState;
  rateLimiter: RateLimiter;
}

interface Answer {
  status: number;
  body: JsonObject;
  headers?: Record<string, string>;
}

/** Answers one `POST /api/{method}` call and records it in `state.calls`. */
export function handleWebApi(
  deps: WebApiDeps,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  rawBody: string,
): void {
  const parsed = parseArgs(query, req.headers["content-type"] ?? "", rawBody);
  const args: Args = parsed.ok ? parsed.args : {};
  const answer = parsed.ok ? answerCall(deps, method, req, args) : failure(parsed.error);
  const { token: _token, ...recordedArgs } = args;
  deps.state.calls.push({
    method,
    args: recordedArgs,
    at: deps.state.now(),
    status: answer.status,
    response: answer.body,
  });
  sendJson(res, answer.status, answer.body, answer.headers);
}

function answerCall(deps: WebApiDeps, method: string, req: IncomingMessage, args: Args): Answer {
  const handler = METHODS[method];
  if (!handler) return failure("unknown_method");
  const token = requestToken(req, args);
  if (token === undefined) return failure("not_authed");
  if (token !== deps.state.identity.botToken) return failure("invalid_auth");
  const limited = deps.rateLimiter.check(method, args);
  if (limited) {
    return {
      status: 429,
      body: { ok: false, error: "ratelimited" },
      headers: { "retry-after": String(limited.retryAfterSeconds) },
    };
  }
  try {
    return { status: 200, body: { ok: true, ...handler({ state: deps.state, args }) } };
  } catch (error) {
    if (error instanceof SlackApiError) return failure(error.code, error.messages, error.extra);
    const message = error instanceof Error ? error.message : String(error);
    return { status: 500, body: { ok: false, error: "internal_error", detail: message } };
  }
}

function failure(error: string, messages: string[] = [], extra: JsonObject = {}): Answer {
  const body: JsonObject = { ok: false, error, ...extra };
  if (messages.length > 0) body.response_metadata = { messages };
  return { status: 200, body };
}
