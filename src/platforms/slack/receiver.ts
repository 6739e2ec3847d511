// A Bolt receiver mounted on Clusterbot's own HTTP server (POST /slack/events). It checks the signature with
// Bolt's own verifier, and guards the parse: a signed body without the shape Bolt routes on (e.g. `payload=null`,
// which crashes Bolt 5.1's HTTPReceiver, or `actions` that is not a list) gets a 400 instead of reaching Bolt.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { isValidSlackRequest } from "@slack/bolt";
import type { Route } from "../../http/server.ts";
import type { Logger } from "../../logging/logger.ts";
import { parseSlackBody } from "./envelope.ts";

const maxBodyBytes = 1024 * 1024;
/** An oversized body is read and dropped up to this size, so the sender still reads our 413. */
const discardCapBytes = 16 * maxBodyBytes;
/** Slack gives up after 3 s; answer an event nobody acknowledged a little later, politely, and log it. */
const unackedTimeoutMs = 3_500;

export class SlackHttpReceiver implements Receiver {
  readonly #signingSecret: string;
  readonly #logger: Logger;
  readonly #now: () => number;
  #app: App | undefined;

  readonly #onRequest: () => void;

  constructor(options: { signingSecret: string; logger: Logger; now?: () => number; onRequest?: () => void }) {
    this.#onRequest = options.onRequest ?? (() => undefined);
    this.#signingSecret = options.signingSecret;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
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
    this.#onRequest();
    const raw = await readBody(request);
    if (raw === undefined) {
      response.shouldKeepAlive = false;
      return reply(response, 413, "request body too large");
    }
    if (!this.#verified(request, raw)) return reply(response, 401, "invalid signature");
    const body = parseSlackBody(raw, String(request.headers["content-type"] ?? ""));
    if (!body) return reply(response, 400, "unreadable body");
    if (body.ssl_check) return reply(response, 200, "");
    if (body.type === "url_verification") return replyJson(response, 200, { challenge: body.challenge });
    await this.#dispatch(body, request, response);
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
      reply(response, 200, "");
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

/**
 * The body as text, or undefined when it is over the limit. An oversized body is still read to its end (up to a hard
 * cap) so the sender gets our 413 instead of a reset connection; past the cap the connection is dropped.
 */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > discardCapBytes) {
      request.socket.destroy();
      return undefined;
    }
    if (size <= maxBodyBytes) chunks.push(bytes);
  }
  return size > maxBodyBytes ? undefined : Buffer.concat(chunks).toString("utf8");
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
