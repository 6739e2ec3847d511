// Small HTTP helpers for the stand-in's services.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  raw: Buffer;
  json(): unknown;
  form(): URLSearchParams;
}

export interface Answer {
  status: number;
  body?: unknown;
  /** Bytes sent as they are (a file), instead of `body` as JSON. */
  raw?: Uint8Array;
  headers?: Record<string, string>;
}

export async function readRequest(request: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const url = new URL(request.url ?? "/", "http://stand-in");
  return {
    method: request.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    raw,
    json: () => (raw.length === 0 ? undefined : JSON.parse(raw.toString("utf8"))),
    form: () => new URLSearchParams(raw.toString("utf8")),
  };
}

export function writeAnswer(response: ServerResponse, answer: Answer): void {
  if (answer.raw) {
    response.writeHead(answer.status, { "content-type": "application/octet-stream", ...answer.headers });
    response.end(answer.raw);
    return;
  }
  const text = answer.body === undefined ? "" : JSON.stringify(answer.body);
  response.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", ...answer.headers });
  response.end(text);
}

export const json = (status: number, body?: unknown, headers?: Record<string, string>): Answer => ({
  status,
  ...(body === undefined ? {} : { body }),
  ...(headers ? { headers } : {}),
});

export const connectorError = (status: number, code: string, message: string): Answer =>
  json(status, { error: { code, message } });

export const graphError = (status: number, code: string, message: string): Answer =>
  json(status, { error: { code, message, innerError: { date: new Date().toISOString() } } });

export function bearer(request: Request): string | undefined {
  const header = request.headers.authorization;
  return typeof header === "string" && header.startsWith("Bearer ") ? header.slice(7) : undefined;
}

export const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
