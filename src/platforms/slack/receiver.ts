// A Bolt receiver mounted on Clusterbot's own HTTP server (POST /slack/events). It checks the signature with
// Bolt's own verifier, and guards the parse: a signed body that is not an object (e.g. `payload=null`, which
// crashes Bolt 5.1's HTTPReceiver) gets a 400 instead of reaching Bolt.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { isValidSlackRequest } from "@slack/bolt";
import type { Route } from "../../http/server.ts";
import type { Logger } from "../../logging/logger.ts";

const maxBodyBytes = 1024 * 1024;
/** Slack gives up after 3 s; answer an event nobody acknowledged a little later, politely, and log it. */
const unackedTimeoutMs = 3_500;

export class SlackHttpReceiver implements Receiver {
  readonly #signingSecret: string;
  readonly #logger: Logger;
  readonly #now: () => number;
  #app: App | undefined;

  constructor(options: { signingSecret: string; logger: Logger; now?: () => number }) {
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
    const raw = await readBody(request);
    if (raw === undefined) return reply(response, 413, "request body too large");
    if (!this.#verified(request, raw)) return reply(response, 401, "invalid signature");
    const body = parseBody(raw, String(request.headers["content-type"] ?? ""));
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
      if (!acked) await event.ack();
    } finally {
      if (acked) clearTimeout(timer);
    }
  }
}

function retryHeaders(request: IncomingMessage): Pick<ReceiverEvent, "retryNum" | "retryReason"> {
  const retryNum = Number(request.headers["x-slack-retry-num"]);
  const retryReason = request.headers["x-slack-retry-reason"];
  return {
    ...(Number.isInteger(retryNum) ? { retryNum } : {}),
    ...(typeof retryReason === "string" ? { retryReason } : {}),
  };
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The body as an object Bolt can route, or undefined when it is not one. */
export function parseBody(raw: string, contentType: string): Record<string, unknown> | undefined {
  try {
    if (contentType.includes("application/json")) return asObject(JSON.parse(raw));
    const form = new URLSearchParams(raw);
    const payload = form.get("payload");
    if (payload !== null) {
      const parsed = asObject(JSON.parse(payload));
      return parsed && typeof parsed.type === "string" ? parsed : undefined;
    }
    const fields = Object.fromEntries(form);
    if (fields.ssl_check) return fields;
    return typeof fields.command === "string" ? fields : undefined;
  } catch {
    return undefined;
  }
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
