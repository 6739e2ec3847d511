import type { IncomingMessage, ServerResponse } from "node:http";
import { isRecord } from "./args.ts";
import type { Args } from "./types.ts";

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Fields Slack accepts as JSON-encoded strings in form bodies. */
const JSON_FIELDS = ["blocks", "view", "metadata", "attachments"];

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export type ParsedArgs = { ok: true; args: Args } | { ok: false; error: string };

/** Decodes query string + body (form or JSON) into one argument map, parsing JSON-encoded form fields. */
export function parseArgs(query: URLSearchParams, contentType: string, rawBody: string): ParsedArgs {
  const args: Args = Object.fromEntries(query);
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (rawBody.length === 0) return { ok: true, args };
  if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody);
    } catch {
      return { ok: false, error: "invalid_json" };
    }
    if (!isRecord(parsed)) return { ok: false, error: "invalid_json" };
    return { ok: true, args: { ...args, ...parsed } };
  }
  if (type === "application/x-www-form-urlencoded" || type === "") {
    for (const [key, value] of new URLSearchParams(rawBody)) args[key] = value;
    for (const field of JSON_FIELDS) args[field] = decodeJsonField(args[field]);
    return { ok: true, args };
  }
  return { ok: false, error: "invalid_form_data" };
}

/** The bearer token of the request, or the `token` argument Slack still accepts in form bodies (not in JSON). */
export function requestToken(req: IncomingMessage, args: Args): string | undefined {
  const header = req.headers.authorization;
  if (header) return /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
  if ((req.headers["content-type"] ?? "").includes("json")) return undefined;
  return typeof args.token === "string" && args.token !== "" ? args.token : undefined;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function decodeJsonField(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
