// A browser workspace on a real HTTP server and a real database, and people who use it over HTTP: each keeps
// their session cookie, sends the CSRF header, and can read their live stream (Server-Sent Events).

import { startHttpServer } from "../../../src/http/server.ts";
import { createLogger } from "../../../src/logging/logger.ts";
import type { WebBotApi } from "../../../src/platforms/web/bot-api.ts";
import type { DevSignIn } from "../../../src/platforms/web/http/session-routes.ts";
import { startWebWorkspace, type WebWorkspace } from "../../../src/platforms/web/index.ts";
import { csrfHeader, fileUploadPath, type LiveEvent } from "../../../src/platforms/web/protocol.ts";
import { openWebStore } from "../../../src/store/web/index.ts";
import { type Backend, createTestDatabase, type TestDatabase } from "../../support/database.ts";
import { patientMs } from "../../support/wait.ts";

export interface TestWorkspace {
  url: string;
  port: number;
  web: WebWorkspace;
  bot: WebBotApi;
  database: TestDatabase;
  /** Signs a new person in by name. */
  join(name: string): Promise<WebPerson>;
  stop(): Promise<void>;
}

export async function startTestWorkspace(
  backend: Backend,
  options: { devSignIn?: DevSignIn; publicUrl?: string; heartbeatMs?: number; now?: () => Date } = {},
): Promise<TestWorkspace> {
  const database = await createTestDatabase(backend);
  const logger = createLogger("silent", false);
  const { workspace, repositories } = await openWebStore(database.database.prisma);
  const web = await startWebWorkspace({
    store: repositories,
    workspace,
    logger,
    devSignIn: options.devSignIn ?? "local",
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const http = await startHttpServer({ host: "127.0.0.1", port: 0, routes: web.routes, logger });
  const url = `http://localhost:${http.port}`;
  return {
    url,
    port: http.port,
    web,
    bot: web.bot,
    database,
    async join(name) {
      const person = new WebPerson(url);
      const answer = await person.post("/api/session/name", { name });
      if (answer.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(answer.body)}`);
      return person;
    },
    async stop() {
      await web.stop();
      await http.close();
      await database.drop();
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read field by field
  body: any;
}

export class WebPerson {
  cookie = "";
  readonly streams: LiveStream[] = [];

  readonly url: string;

  constructor(url: string) {
    this.url = url;
  }

  async get(path: string, query: Record<string, string> = {}): Promise<Answer> {
    const search = new URLSearchParams(query).toString();
    const response = await fetch(`${this.url}${path}${search ? `?${search}` : ""}`, {
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
    return this.answer(response);
  }

  async post(path: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${this.url}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [csrfHeader]: "1",
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: JSON.stringify(body),
    });
    return this.answer(response);
  }

  /** Sends a file as the message box does: its bytes as the body, where it goes and its name in the address. */
  async upload(
    where: { channelId: string; threadRootId?: string; text?: string },
    filename: string,
    bytes: Uint8Array | ReadableStream<Uint8Array>,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const query = new URLSearchParams({ ...where, filename }).toString();
    const response = await fetch(`${this.url}${fileUploadPath}?${query}`, {
      method: "POST",
      headers: {
        "content-type": "application/octet-stream",
        [csrfHeader]: "1",
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: bytes,
      // A stream goes without a declared length (chunked).
      ...(bytes instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);
    return this.answer(response);
  }

  private async answer(response: Response): Promise<Answer> {
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0]!;
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }

  async me(): Promise<{ id: string; name: string }> {
    return (await this.get("/api/bootstrap")).body.me;
  }

  /** Opens this person's live stream and waits for its first event. */
  async listen(): Promise<LiveStream> {
    const stream = new LiveStream(`${this.url}/api/events`, this.cookie);
    this.streams.push(stream);
    await stream.next((event) => event.type === "ready");
    return stream;
  }
}

/** Reads a Server-Sent Events stream with fetch and keeps every event (and comment lines) in order. */
export class LiveStream {
  readonly events: LiveEvent[] = [];
  comments = 0;
  ended: Promise<void>;
  private readonly controller = new AbortController();
  private waiters: (() => void)[] = [];

  constructor(url: string, cookie: string) {
    this.ended = (async () => {
      const response = await fetch(url, { headers: { cookie }, signal: this.controller.signal });
      if (response.status !== 200 || !response.body) throw new Error(`live stream answered ${response.status}`);
      const decoder = new TextDecoder();
      let buffer = "";
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          this.take(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf("\n\n");
        }
      }
    })().catch((error: unknown) => {
      if (!this.controller.signal.aborted) throw error;
    });
    this.ended.finally(() => this.wake());
  }

  private take(frame: string): void {
    for (const line of frame.split("\n")) {
      if (line.startsWith(":")) this.comments++;
      if (line.startsWith("data: ")) this.events.push(JSON.parse(line.slice(6)) as LiveEvent);
    }
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** The first event (from the start of the stream) that matches; waits for it. */
  async next<T extends LiveEvent>(match: (event: LiveEvent) => event is T): Promise<T>;
  async next(match: (event: LiveEvent) => boolean): Promise<LiveEvent>;
  async next(match: (event: LiveEvent) => boolean, timeoutMs = patientMs): Promise<LiveEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such live event; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** Waits until the stream has seen `count` heartbeats. */
  async heartbeats(count: number, timeoutMs = patientMs): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.comments < count) {
      if (Date.now() > deadline) throw new Error("no heartbeat");
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}

export const messageEvent = (text: string) => (event: LiveEvent) =>
  event.type === "message" && event.message.content.summary === text;
