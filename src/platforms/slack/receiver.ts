// A Bolt receiver mounted on Clusterbot's own HTTP server (POST /slack/events). It refuses what is not from Slack
// before reading the body (no signature, a timestamp missing, malformed, or more than 5 minutes off either way),
// reads the body under a size limit, a deadline and a shared memory budget, checks the signature with Bolt's own
// verifier, and guards the parse: a signed body without the shape Bolt routes on (e.g. `payload=null`, which crashes
// Bolt 5.1's HTTPReceiver, or `actions` that is not a list) gets a 400 instead of reaching Bolt.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { isValidSlackRequest } from "@slack/bolt";
import { BodyBudget, type BodyOutcome, readLimitedBody } from "../../http/body.ts";
import type { Route } from "../../http/server.ts";
import type { Logger } from "../../logging/logger.ts";
import { parseSlackBody } from "./envelope.ts";

const maxBodyBytes = 1024 * 1024;
/** Slack sends its body at once and wants an answer within 3 s: a body still arriving after this is not Slack. */
const defaultBodyTimeoutMs = 5_000;
/** Bodies being read (not yet verified) hold at most this much memory together. */
const defaultBodyBudgetBytes = 8 * 1024 * 1024;
/** Slack's window for a request timestamp, both ways (a replay, or a clock far ahead). */
const timestampWindowSeconds = 5 * 60;
/** Slack gives up after 3 s; answer an event nobody acknowledged a little later, politely, and log it. */
const unackedTimeoutMs = 3_500;

export class SlackHttpReceiver implements Receiver {
  readonly #signingSecret: string;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #bodyTimeoutMs: number;
  readonly #bodyBudget: BodyBudget;
  #app: App | undefined;

  readonly #onRequest: () => void;

  constructor(options: {
    signingSecret: string;
    logger: Logger;
    now?: () => number;
    onRequest?: () => void;
    bodyTimeoutMs?: number;
    bodyBudget?: BodyBudget;
  }) {
    this.#onRequest = options.onRequest ?? (() => undefined);
    this.#signingSecret = options.signingSecret;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#bodyTimeoutMs = options.bodyTimeoutMs ?? defaultBodyTimeoutMs;
    this.#bodyBudget = options.bodyBudget ?? new BodyBudget(defaultBodyBudgetBytes);
  }

  init(app: App): void {
    this.#app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  route(path = "/slack/events"): Route {
    return { method: "POST", path, handle: (request, response) => this.handle(request, response) };
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const unsigned = this.#unsignedReason(request);
    if (unsigned) {
      this.#logger.debug({ reason: unsigned }, "refused a Slack request before reading its body");
      response.shouldKeepAlive = false;
      return reply(response, 401, "invalid signature");
    }
    this.#onRequest();
    const read = await readLimitedBody(request, {
      maxBytes: maxBodyBytes,
      timeoutMs: this.#bodyTimeoutMs,
      budget: this.#bodyBudget,
    });
    if (read.kind !== "ok") return this.#refuseBody(read, request, response);
    const raw = read.text;
    if (!this.#verified(request, raw)) return reply(response, 401, "invalid signature");
    const body = parseSlackBody(raw, String(request.headers["content-type"] ?? ""));
    if (!body) return reply(response, 400, "unreadable body");
    if (body.ssl_check) return reply(response, 200, "");
    if (body.type === "url_verification") return replyJson(response, 200, { challenge: body.challenge });
    await this.#dispatch(body, request, response);
  }

  /** Why the headers alone show the request is not from Slack, or undefined. */
  #unsignedReason(request: IncomingMessage): string | undefined {
    const signature = request.headers["x-slack-signature"];
    const timestamp = request.headers["x-slack-request-timestamp"];
    if (typeof signature !== "string" || !/^v0=[0-9a-f]{64}$/.test(signature)) return "no or malformed signature";
    if (typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp)) return "no or malformed timestamp";
    const skew = Math.abs(this.#now() / 1000 - Number(timestamp));
    return skew > timestampWindowSeconds ? "timestamp more than 5 minutes off" : undefined;
  }

  #refuseBody(read: Exclude<BodyOutcome, { kind: "ok" }>, request: IncomingMessage, response: ServerResponse): void {
    response.shouldKeepAlive = false;
    if (read.kind === "aborted") {
      this.#logger.debug("a Slack request was aborted by its sender mid-upload");
      return;
    }
    if (read.kind === "too_large") {
      reply(response, 413, "request body too large");
      return;
    }
    this.#logger.debug({ outcome: read.kind }, "dropped a request body that did not arrive in time");
    // The connection goes with it: a sender still trickling its body gets nothing more read.
    response.once("finish", () => request.socket.destroy());
    if (read.kind === "timeout") reply(response, 408, "request body timed out");
    else reply(response, 503, "busy, try again");
  }

  #verified(request: IncomingMessage, raw: string): boolean {
    const signature = request.headers["x-slack-signature"];
    const timestamp = Number(request.headers["x-slack-request-timestamp"]);
    if (typeof signature !== "string" || !Number.isFinite(timestamp)) return false;
    return isValidSlackRequest({
      signingSecret: this.#signingSecret,
      body: raw,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
      nowMilliseconds: this.#now(),
    });
  }

  async #dispatch(body: Record<string, unknown>, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!this.#app) throw new Error("SlackHttpReceiver used before Bolt initialised it");
    let acked = false;
    const timer = setTimeout(() => {
      if (acked) return;
      acked = true;
      this.#logger.warn({ type: body.type }, "a Slack request was not acknowledged in time");
      // An empty answer would close a submitted modal as if its answer were kept: it may not be yet (the bot is
      // overloaded), so the modal stays open with a note and what was typed (a retry is the same submission).
      const answer = unhandledAnswer(body);
      if (answer === undefined) reply(response, 200, "");
      else replyJson(response, 200, answer);
    }, unackedTimeoutMs);
    const event: ReceiverEvent = {
      body,
      ...retryHeaders(request),
      ack: async (answer?: unknown) => {
        if (acked) return;
        acked = true;
        clearTimeout(timer);
        if (answer === undefined || answer === "") reply(response, 200, "");
        else if (typeof answer === "string") replyJson(response, 200, { text: answer });
        else replyJson(response, 200, answer);
      },
    };
    // An Events API delivery expects no answer: acknowledged before Bolt authorises it and runs the listeners, so
    // its ack never waits behind that work (Bolt's own ack, later, finds it done). Handling is idempotent per event_id.
    if (body.type === "event_callback") await event.ack();
    try {
      await this.#app.processEvent(event);
    } catch (error) {
      this.#logger.error({ err: error, type: body.type }, "Slack request failed");
    }
    // Every listener has run: one that matched would have acknowledged by now, so answer at once instead of
    // holding the request until Slack gives up (no listener for it, or the listener failed).
    if (!acked) {
      this.#logger.warn({ type: body.type }, "no listener acknowledged a Slack request");
      await event.ack(unhandledAnswer(body));
    }
  }
}

const unhandledSubmission = "Sorry, this could not be saved. Please try again in a moment.";

/** A modal nobody saved stays open with a note, so the person keeps what they typed; anything else gets an empty ack. */
function unhandledAnswer(body: Record<string, unknown>): unknown {
  if (body.type !== "view_submission") return undefined;
  const blocks = asObject(body.view)?.blocks;
  const input = Array.isArray(blocks)
    ? blocks.map(asObject).find((block) => block?.type === "input" && typeof block.block_id === "string")
    : undefined;
  return input ? { response_action: "errors", errors: { [String(input.block_id)]: unhandledSubmission } } : undefined;
}

function retryHeaders(request: IncomingMessage): Pick<ReceiverEvent, "retryNum" | "retryReason"> {
  const retryNum = Number(request.headers["x-slack-retry-num"]);
  const retryReason = request.headers["x-slack-retry-reason"];
  return {
    ...(Number.isInteger(retryNum) ? { retryNum } : {}),
    ...(typeof retryReason === "string" ? { retryReason } : {}),
  };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function reply(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) return;
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  response.end(text);
}

function replyJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(text);
}
