// The small context a screen carries and gives back with every action on it (Slack `private_metadata`, Teams card
// data, a hidden field on the web): ids, never data. Each route reads the keys it needs with its own schema.
import { z } from "zod";

export type ContextValue = string | number | boolean | null | readonly (string | null)[];

export type ScreenContext = { readonly [key: string]: ContextValue };

/** Slack's `private_metadata` limit, the tightest of the surfaces. */
export const maxContextLength = 3000;

const contextSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string().nullable())]),
);

export class ContextTooLargeError extends Error {
  constructor(length: number) {
    super(`a screen context of ${length} characters is over the ${maxContextLength}-character limit: carry ids only`);
    this.name = "ContextTooLargeError";
  }
}

export function encodeContext(context: ScreenContext): string {
  const text = JSON.stringify(context);
  if (text.length > maxContextLength) throw new ContextTooLargeError(text.length);
  return text;
}

/** The context a surface gave back, or an empty one when it is missing or not one of ours. */
export function decodeContext(text: unknown): ScreenContext {
  if (typeof text !== "string" || text === "" || text.length > maxContextLength) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return {};
    throw error;
  }
  const parsed = contextSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** The context read with a route's own schema; undefined when it lacks what the route needs. */
export function readContext<T>(context: ScreenContext, schema: z.ZodType<T>): T | undefined {
  const parsed = schema.safeParse(context);
  return parsed.success ? parsed.data : undefined;
}
