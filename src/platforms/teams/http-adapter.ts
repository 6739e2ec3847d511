// The Teams SDK on our own HTTP server: the SDK registers its messaging route with this adapter (it never listens
// itself: `app.initialize()`, never `app.start()`), and our server calls that route for POST /api/messages. The
// adapter reads and narrows the body, lets the SDK validate the JWT and run the handlers, writes the answer, and
// only then starts the work the handlers queued for after the answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from "@microsoft/teams.apps";
import type { Route } from "../../http/server.ts";
import type { Logger } from "../../logging/logger.ts";
import { checkActivityEnvelope } from "./activity-envelope.ts";
import type { AfterAnswer } from "./after-answer.ts";

export const messagingPath = "/api/messages";
const maxBodyBytes = 1024 * 1024;

export class TeamsHttpAdapter implements IHttpServerAdapter {
  readonly #handlers = new Map<string, HttpRouteHandler>();
  readonly #afterAnswer: AfterAnswer;
  readonly #logger: Logger;
  readonly #onRequest: (() => void) | undefined;

  constructor(options: { afterAnswer: AfterAnswer; logger: Logger; onRequest?: () => void }) {
    this.#afterAnswer = options.afterAnswer;
    this.#logger = options.logger;
    this.#onRequest = options.onRequest;
  }

  registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler): void {
    this.#handlers.set(`${method} ${path}`, handler);
  }

  /** Our server's route; it answers 503 until the SDK has registered its handler (`app.initialize()`). */
  route(path = messagingPath): Route {
    return { method: "POST", path, handle: (request, response) => this.handle(path, request, response) };
  }

  async handle(path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.#onRequest?.();
    const handler = this.#handlers.get(`POST ${path}`);
    if (!handler) return answer(response, 503, { error: "Teams is starting" });
    const raw = await readBody(request);
    if (raw === undefined) {
      response.shouldKeepAlive = false;
      return answer(response, 413, { error: "request body too large" });
    }
    const body = parseJson(raw);
    if (body === undefined) return answer(response, 400, { error: "the body is not JSON" });
    const envelope = checkActivityEnvelope(body);
    if (!envelope.ok) return answer(response, 400, { error: `not a Teams activity (${envelope.problem})` });
    const headers = headerRecord(request);
    const { result, queued } = await this.#afterAnswer.collect(() => handler({ body: envelope.activity, headers }));
    if (result.status === 401) this.#logger.info({ type: envelope.activity.type }, "refused a Teams activity: 401");
    if (result.status >= 500)
      this.#logger.error({ type: envelope.activity.type, status: result.status }, "Teams activity failed");
    answer(response, result.status, result.body);
    // Work queued by a refused request never runs; the SDK does not call handlers then, so this is only a guard.
    if (result.status < 300) this.#afterAnswer.start(queued);
  }
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

function headerRecord(request: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = value;
  return headers;
}

/** The body, or undefined when it is larger than allowed (the rest is read and dropped so the sender sees the 413). */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= maxBodyBytes) chunks.push(chunk as Buffer);
  }
  return size > maxBodyBytes ? undefined : Buffer.concat(chunks);
}
