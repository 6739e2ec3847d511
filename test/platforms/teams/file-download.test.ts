// Which download links of a file attached in Teams the bot follows (file-download.ts), against real local HTTP
// servers: the configured stand-in's, never another host's (no request is even made), https only on SharePoint
// Online, redirects only within those rules, no bot token sent, and no more than the limit read.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamsFileDownloader } from "../../../src/platforms/teams/file-download.ts";

interface Local {
  url: string;
  seen: { path: string; headers: IncomingHttpHeaders }[];
  server: Server;
}

async function local(answer: (path: string, response: import("node:http").ServerResponse, base: string) => void) {
  const seen: Local["seen"] = [];
  const box = { url: "" };
  const server = createServer((request, response) => {
    seen.push({ path: request.url ?? "", headers: request.headers });
    answer(request.url ?? "", response, box.url);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  box.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: box.url, seen, server } satisfies Local;
}

const text = (bytes: Uint8Array | "too-large" | "unavailable") =>
  typeof bytes === "string" ? bytes : new TextDecoder().decode(bytes);

describe("downloading a file attached in Teams", () => {
  let standIn: Local;
  let elsewhere: Local;

  beforeAll(async () => {
    elsewhere = await local((_path, response) => response.end("internal secrets"));
    standIn = await local((path, response, base) => {
      if (path === "/file") return response.end("acronym,title\nŁÓDŹ,Łódź\n");
      if (path === "/moved") return response.writeHead(302, { location: `${base}/file` }).end();
      if (path === "/away") return response.writeHead(302, { location: `${elsewhere.url}/x` }).end();
      if (path === "/expired") return response.writeHead(401).end("{}");
      if (path === "/broken") return response.writeHead(503).end("{}");
      if (path === "/big") {
        // No Content-Length: the size shows only while reading.
        response.writeHead(200, { "transfer-encoding": "chunked" });
        for (let i = 0; i < 64; i++) response.write("x".repeat(1024));
        return response.end();
      }
      if (path === "/declared")
        return response.writeHead(200, { "content-length": String(5000) }).end("y".repeat(5000));
      response.writeHead(404).end();
    });
  });
  afterAll(async () => {
    for (const { server } of [standIn, elsewhere]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  const download = () => teamsFileDownloader(`${standIn.url}/`);

  it("fetches a link on the configured stand-in with a plain GET: no Authorization header", async () => {
    expect(text(await download()(`${standIn.url}/file`, 1000))).toBe("acronym,title\nŁÓDŹ,Łódź\n");
    expect(standIn.seen.at(-1)?.headers.authorization).toBeUndefined();
    expect(text(await download()(`${standIn.url}/moved`, 1000))).toContain("Łódź");
  });

  it("refuses any other host, and http even on SharePoint, without a request", async () => {
    await expect(download()(`${elsewhere.url}/x`, 1000)).rejects.toThrow(/refusing to download/);
    await expect(teamsFileDownloader()(`${standIn.url}/file`, 1000)).rejects.toThrow(/refusing to download/);
    await expect(download()("http://contoso-my.sharepoint.com/x", 1000)).rejects.toThrow(/refusing to download/);
    await expect(download()("https://sharepoint.com.evil.example/x", 1000)).rejects.toThrow(/refusing to download/);
    await expect(download()("not a url", 1000)).rejects.toThrow(/refusing to download/);
    expect(elsewhere.seen).toEqual([]);
  });

  it("does not follow a redirect to plain http elsewhere", async () => {
    await expect(download()(`${standIn.url}/away`, 1000)).rejects.toThrow(/refusing a redirect/);
    expect(elsewhere.seen).toEqual([]);
  });

  it("reads no more than the limit, declared or not; a lapsed link is unavailable, a failing store an error", async () => {
    expect(await download()(`${standIn.url}/big`, 10_000)).toBe("too-large");
    expect(await download()(`${standIn.url}/declared`, 4999)).toBe("too-large");
    expect(text(await download()(`${standIn.url}/declared`, 5000))).toHaveLength(5000);
    expect(await download()(`${standIn.url}/expired`, 1000)).toBe("unavailable");
    await expect(download()(`${standIn.url}/broken`, 1000)).rejects.toThrow(/HTTP 503/);
  });
});
