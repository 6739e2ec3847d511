// Typed errors for calls to Teams (Bot Connector) and Graph, so callers branch on what happened, not on message
// text: a 429 becomes the chat port's RateLimitedError (with Retry-After), other failures a TeamsCallError that
// says whether trying again later can help.
import { GraphError } from "@microsoft/teams.graph";
import { RateLimitedError } from "../../app/ports/errors.ts";

export type TeamsFailure =
  /** Trying again later may work: 5xx, timeouts, connection errors. */
  | "retryable"
  /** It will fail again as it is: bad request, not found, forbidden, the bot removed… */
  | "permanent";

export class TeamsCallError extends Error {
  readonly failure: TeamsFailure;
  readonly status: number | null;
  /** The service's error code, e.g. "ConversationNotFound", "NameAlreadyExists". */
  readonly code: string | null;

  constructor(options: {
    what: string;
    failure: TeamsFailure;
    status: number | null;
    code: string | null;
    cause?: unknown;
  }) {
    const status = options.status === null ? "no answer" : `${options.status}`;
    super(`${options.what} failed (${status}${options.code ? ` ${options.code}` : ""})`, { cause: options.cause });
    this.name = "TeamsCallError";
    this.failure = options.failure;
    this.status = options.status;
    this.code = options.code;
  }
}

/** No stored conversation reference to reach a person or a channel: they must install the app first. */
export class NoConversationError extends Error {
  constructor(what: string) {
    super(`no Teams conversation with ${what}: the app is not installed there`);
    this.name = "NoConversationError";
  }
}

interface HttpFailure {
  status: number | null;
  code: string | null;
  retryAfter: string | null;
}

/** Turns whatever a Connector or Graph call threw into RateLimitedError or TeamsCallError. */
export function teamsError(what: string, error: unknown): RateLimitedError | TeamsCallError {
  if (error instanceof RateLimitedError || error instanceof TeamsCallError) return error;
  const failure = httpFailure(error);
  if (failure.status === 429) return new RateLimitedError(retryAfterSeconds(failure.retryAfter), { cause: error });
  const retryable = failure.status === null || failure.status >= 500 || failure.status === 408;
  return new TeamsCallError({
    what,
    failure: retryable ? "retryable" : "permanent",
    status: failure.status,
    code: failure.code,
    cause: error,
  });
}

/** Runs one call and rethrows its failure typed. */
export async function callTeams<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw teamsError(what, error);
  }
}

function httpFailure(error: unknown): HttpFailure {
  if (error instanceof GraphError) {
    return {
      status: error.statusCode,
      code: error.code ?? null,
      retryAfter: headerOf(responseOf(error.source), "retry-after"),
    };
  }
  const response = responseOf(error);
  if (!response) return { status: null, code: null, retryAfter: null };
  return {
    status: typeof response.status === "number" ? response.status : null,
    code: errorCode(response.data),
    retryAfter: headerOf(response, "retry-after"),
  };
}

interface ResponseLike {
  status?: unknown;
  data?: unknown;
  headers?: unknown;
}

function responseOf(error: unknown): ResponseLike | undefined {
  if (error === null || typeof error !== "object" || !("response" in error)) return undefined;
  const response = (error as { response: unknown }).response;
  return response !== null && typeof response === "object" ? (response as ResponseLike) : undefined;
}

function headerOf(response: ResponseLike | undefined, name: string): string | null {
  const headers = response?.headers;
  if (headers === null || typeof headers !== "object") return null;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}

function errorCode(data: unknown): string | null {
  if (data === null || typeof data !== "object") return null;
  const inner = (data as { error?: unknown }).error;
  if (inner !== null && typeof inner === "object" && typeof (inner as { code?: unknown }).code === "string")
    return (inner as { code: string }).code;
  return null;
}

/** Retry-After in seconds (or an HTTP date); 1 s when missing or unreadable. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number {
  if (!value) return 1;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1 : Math.max(1, Math.ceil((date - now) / 1000));
}
