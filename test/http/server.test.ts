// The HTTP server cannot be held: slow headers and slow requests are cut, open connections are capped, and a sender
// that disappears mid-upload is not an error.
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningServer, type ServerLimits, startHttpServer } from "../../src/http/server.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { waitFor } from "../support/slack-seed.ts";
import { openRaw, postHead, type RawConnection } from "./raw-client.ts";

interface LogLine {
  level: number;
  msg: string;
}

function capturedLogger() {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString("utf8")) as LogLine);
      done();
    },
  });
  return { logger: createLogger("debug", false, { destination }), lines };
}

describe("the HTTP server's limits", () => {
  let running: RunningServer | undefined;
  const connections: RawConnection[] = [];
  const captured = capturedLogger();

  afterEach(async () => {
    for (const connection of connections.splice(0)) connection.socket.destroy();
    await running?.close();
    running = undefined;
  });

  async function start(limits: Partial<ServerLimits>) {
    running = await startHttpServer({
      host: "127.0.0.1",
      port: 0,
      logger: captured.logger,
      limits,
      routes: [
        { method: "GET", path: "/ping", handle: (_request, response) => void response.end("pong") },
        {
          method: "POST",
          path: "/upload",
          async handle(request, response) {
            let size = 0;
            for await (const chunk of request) size += (chunk as Buffer).length;
            response.end(String(size));
          },
        },
      ],
    });
    return running.port;
  }

  async function raw(port: number, head: string, body = "") {
    const connection = await openRaw(port, head, body);
    connections.push(connection);
    return connection;
  }

  it("answers 408 and closes a connection whose headers stop halfway", async () => {
    const port = await start({ headersTimeoutMs: 300 });
    const stalled = await raw(port, "GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    expect(await stalled.closed).toMatch(/^HTTP\/1\.1 408/);
    expect(await (await fetch(`http://127.0.0.1:${port}/ping`)).text()).toBe("pong");
  });

  it("closes a request whose body never finishes", async () => {
    const port = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const held = await raw(port, postHead("/upload", 10_000), "x".repeat(100));
    expect(await held.closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it("caps open connections and takes new ones again when one closes", async () => {
    const port = await start({ maxConnections: 3 });
    const idle = [
      await raw(port, postHead("/upload", 10)),
      await raw(port, postHead("/upload", 10)),
      await raw(port, postHead("/upload", 10)),
    ];
    const countConnections = () =>
      new Promise<number>((resolve) => running!.server.getConnections((_error, count) => resolve(count)));
    await expect(fetch(`http://127.0.0.1:${port}/ping`)).rejects.toThrow();

    idle[0]!.socket.destroy();
    await idle[0]!.closed;
    let open = 3;
    while (open >= 3) open = await countConnections();
    expect(await (await fetch(`http://127.0.0.1:${port}/ping`)).text()).toBe("pong");
  });

  it("logs a sender that goes away mid-upload at debug, not as an error", async () => {
    const port = await start({});
    const before = captured.lines.length;
    const leaving = await raw(port, postHead("/upload", 100_000), "x".repeat(1_000));
    await waitFor(() => leaving.socket.bytesWritten > 1_000);
    leaving.socket.destroy();
    await waitFor(() => captured.lines.slice(before).some((line) => /aborted/.test(line.msg)));
    const logged = captured.lines.slice(before);
    expect(logged.filter((line) => line.level >= 50)).toEqual([]);
    expect(logged.find((line) => /aborted/.test(line.msg))?.level).toBe(20);
  });
});
