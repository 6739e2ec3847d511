import type { IncomingMessage } from "node:http";
import { Refusal } from "../service/errors.ts";

export const maxBodyBytes = 512 * 1024;

export class BodyTooLargeError extends Error {
  constructor(limit: number, what = "the request body") {
    super(`${what} is over ${limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit} bytes`}`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The request's body, at most `limit` bytes: refused on its declared length before reading, or as soon as more
 * arrives than the limit (nothing beyond it is kept).
 */
export async function readBytes(request: IncomingMessage, limit: number, what?: string): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > limit) throw new BodyTooLargeError(limit, what);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(limit, what);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The request's JSON body; refuses bodies over the limit (without reading them all) and bad JSON. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = (await readBytes(request, maxBodyBytes)).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal("invalid", "The request body is not JSON.");
  }
}
