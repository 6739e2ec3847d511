// Slack's Socket Mode, played locally: `apps.connections.open` (with the app-level token) hands out a one-time
// ws:// URL; on connecting, the app gets `hello`; then each slash command, interaction or event goes down the socket
// as an envelope (`envelope_id`, `type`, `payload`, `accepts_response_payload`) and the app must answer with
// `{ envelope_id, payload? }`. What the app answered is what an HTTP response would have been.
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import type { DriverResponse } from "./bot-client.ts";
import type { JsonObject } from "./types.ts";

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

export interface SocketEnvelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: JsonObject;
  accepts_response_payload: boolean;
  retry_attempt: number;
  retry_reason: string;
}

/** What the app sent back on the socket, as received. */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

/**
 * Slack gives an app 3 s to acknowledge an envelope. The driver waits as long as it waits for an HTTP answer to be
 * polled (a minute): a bot on a loaded CI machine may be slow, and whether it is fast enough is for the benchmarks.
 */
const ackTimeoutMs = 60_000;

export class SocketModeDesk {
  readonly appToken: string;
  readonly #appId: string;
  readonly #tickets = new Set<string>();
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #waiting = new Map<string, (ack: SocketAck) => void>();
  #socket: WebSocket | undefined;
  #onConnect: (() => void)[] = [];
  /** Every envelope sent and every answer received, in order. */
  readonly envelopes: SocketEnvelope[] = [];
  readonly acks: SocketAck[] = [];
  /** Messages from the app that are not a valid answer to an open envelope (unknown id, not JSON, sent twice). */
  readonly problems: string[] = [];

  constructor(options: { appToken: string; appId: string }) {
    this.appToken = options.appToken;
    this.#appId = options.appId;
  }

  /** `apps.connections.open`: a ws:// URL with a ticket that works once. */
  open(rootUrl: string): JsonObject {
    const ticket = randomBytes(16).toString("hex");
    this.#tickets.add(ticket);
    const base = rootUrl.replace(/^http/, "ws");
    return { url: `${base}link/?ticket=${ticket}&app_id=${this.#appId}` };
  }

  /** Takes an HTTP upgrade to /link/ with a valid ticket; true when it was one of ours. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? "/", "http://stand-in");
    if (url.pathname !== "/link/") return false;
    const ticket = url.searchParams.get("ticket") ?? "";
    if (!this.#tickets.delete(ticket)) {
      socket.end("HTTP/1.1 401 Unauthorized\r\n\r\n");
      return true;
    }
    this.#server.handleUpgrade(request, socket, head, (ws) => this.#accept(ws));
    return true;
  }

  get connected(): boolean {
    return this.#socket?.readyState === 1;
  }

  /** Resolves once an app is connected and has been sent `hello`. */
  whenConnected(timeoutMs = 60_000): Promise<void> {
    if (this.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no Socket Mode connection")), timeoutMs);
      this.#onConnect.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends one envelope and waits for its ack; the ack's payload is the answer an HTTP request would have had. */
  async deliver(type: EnvelopeType, payload: JsonObject, acceptsResponsePayload: boolean): Promise<DriverResponse> {
    const socket = this.#socket;
    if (socket?.readyState !== 1) throw new Error("Socket Mode: no app connected");
    const envelope: SocketEnvelope = {
      envelope_id: randomUUID(),
      type,
      payload,
      accepts_response_payload: acceptsResponsePayload,
      retry_attempt: 0,
      retry_reason: "",
    };
    this.envelopes.push(envelope);
    const ack = await new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(envelope.envelope_id);
        reject(new Error(`Socket Mode: envelope ${type} not acknowledged within ${ackTimeoutMs} ms`));
      }, ackTimeoutMs);
      this.#waiting.set(envelope.envelope_id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      socket.send(JSON.stringify(envelope));
    });
    const body = ack.payload === undefined || !acceptsResponsePayload ? "" : ack.payload;
    return { status: 200, headers: {}, body };
  }

  close(): void {
    this.#socket?.terminate();
    this.#server.close();
  }

  #accept(ws: WebSocket): void {
    this.#socket?.close(1000, "replaced");
    this.#socket = ws;
    ws.on("message", (data) => this.#received(String(data)));
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: 1,
        debug_info: { host: "stand-in", build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.#appId },
      }),
    );
    for (const resolve of this.#onConnect) resolve();
    this.#onConnect = [];
  }

  #received(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.problems.push(`not JSON: ${text.slice(0, 80)}`);
      return;
    }
    const ack = message as SocketAck;
    const resolve = typeof ack?.envelope_id === "string" ? this.#waiting.get(ack.envelope_id) : undefined;
    if (!resolve) {
      this.problems.push(`no open envelope for ${text.slice(0, 80)}`);
      return;
    }
    this.#waiting.delete(ack.envelope_id);
    this.acks.push(ack);
    resolve(ack);
  }
}

/** What Slack would send over the socket for a request the driver built for HTTP. */
export function envelopeFor(body: string, contentType: string): { type: EnvelopeType; payload: JsonObject } {
  if (contentType.includes("json")) return { type: "events_api", payload: JSON.parse(body) as JsonObject };
  const form = new URLSearchParams(body);
  const interactive = form.get("payload");
  if (interactive !== null) return { type: "interactive", payload: JSON.parse(interactive) as JsonObject };
  return { type: "slash_commands", payload: Object.fromEntries(form) };
}
