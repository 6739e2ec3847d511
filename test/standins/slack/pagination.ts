import { fail } from "./errors.ts";

export interface Page<T> {
  items: T[];
  nextCursor: string;
}

/** Slack-style cursor pagination: opaque base64 cursors, empty `next_cursor` on the last page. */
export function paginate<T>(all: T[], cursor: string | undefined, limit: number): Page<T> {
  const start = cursor ? decodeCursor(cursor) : 0;
  const items = all.slice(start, start + limit);
  const end = start + items.length;
  return { items, nextCursor: end < all.length ? encodeCursor(end) : "" };
}

/** Clamps a `limit` argument like Slack: missing or 0 → default, otherwise at most `max`. */
export function pageLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || limit <= 0) return fallback;
  return Math.min(limit, max);
}

function encodeCursor(offset: number): string {
  return Buffer.from(`next:${offset}`).toString("base64");
}

function decodeCursor(cursor: string): number {
  const match = /^next:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match) return fail("invalid_cursor");
  return Number(match[1]);
}
