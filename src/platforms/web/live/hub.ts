// Server-Sent Events: one stream per signed-in browser tab, grouped by person. Events are addressed to people;
// a stream only ever carries what its person may see. Streams are ended on shutdown (an open one would keep
// server.close() waiting) and when their session ends.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../../logging/logger.ts";
import type { LiveEvent } from "../protocol.ts";

interface Stream {
  userId: string;
  sessionHash: string;
  response: ServerResponse;
  heartbeat: NodeJS.Timeout;
}

/** A client that stops reading is dropped (it reconnects and reloads) rather than buffered without end. */
const maxBufferedBytes = 1_000_000;

export interface LiveHub {
  open(request: IncomingMessage, response: ServerResponse, who: { userId: string; sessionHash: string }): void;
  /** Sends to these people (every open tab of theirs); `event` may be built per person. */
  send(userIds: Iterable<string>, event: LiveEvent | ((userId: string) => LiveEvent | null)): void;
  /** Sends to everyone connected (public channels). */
  broadcast(event: LiveEvent | ((userId: string) => LiveEvent | null)): void;
  connectedUsers(): string[];
  endSession(sessionHash: string): void;
  closeAll(): void;
}

export function createLiveHub(options: { heartbeatMs: number; logger: Logger }): LiveHub {
  const streams = new Set<Stream>();

  function write(stream: Stream, text: string): void {
    if (stream.response.writableLength > maxBufferedBytes) {
      options.logger.warn({ userId: stream.userId }, "dropping a live stream that stopped reading");
      end(stream);
      return;
    }
    stream.response.write(text);
  }

  function end(stream: Stream): void {
    clearInterval(stream.heartbeat);
    streams.delete(stream);
    if (!stream.response.writableEnded) stream.response.end();
  }

  function deliver(targets: Iterable<Stream>, event: LiveEvent | ((userId: string) => LiveEvent | null)): void {
    const perPerson = new Map<string, string | null>();
    for (const stream of targets) {
      if (!perPerson.has(stream.userId)) {
        const built = typeof event === "function" ? event(stream.userId) : event;
        perPerson.set(stream.userId, built ? frame(built) : null);
      }
      const text = perPerson.get(stream.userId);
      if (text) write(stream, text);
    }
  }

  return {
    open(_request, response, who) {
      response.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      const stream: Stream = {
        ...who,
        response,
        heartbeat: setInterval(() => write(stream, ": heartbeat\n\n"), options.heartbeatMs),
      };
      stream.heartbeat.unref();
      streams.add(stream);
      // The response's "close" is the reliable sign that the browser went away (or the stream was ended).
      response.on("close", () => end(stream));
      response.write(`retry: 2000\n${frame({ type: "ready" })}`);
    },

    send(userIds, event) {
      const wanted = new Set(userIds);
      deliver(
        [...streams].filter((stream) => wanted.has(stream.userId)),
        event,
      );
    },

    broadcast(event) {
      deliver([...streams], event);
    },

    connectedUsers() {
      return [...new Set([...streams].map((stream) => stream.userId))];
    },

    endSession(sessionHash) {
      for (const stream of [...streams]) if (stream.sessionHash === sessionHash) end(stream);
    },

    closeAll() {
      for (const stream of [...streams]) end(stream);
    },
  };
}

function frame(event: LiveEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
