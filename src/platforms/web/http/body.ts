import type { IncomingMessage } from "node:http";
import { Refusal } from "../service/errors.ts";

export const maxBodyBytes = 512 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super(`the request body is over ${maxBodyBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/** The request's JSON body; refuses bodies over the limit (without reading them all) and bad JSON. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > maxBodyBytes) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal("invalid", "The request body is not JSON.");
  }
}
