import { fail } from "./errors.ts";
import type { Args } from "./types.ts";

/** Readers for Web API arguments: form fields arrive as strings, JSON bodies keep their types. */

export function optionalString(args: Args, name: string): string | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return fail("invalid_arguments", [`[ERROR] expected a string [json-pointer:/${name}]`]);
}

export function requiredString(args: Args, name: string): string {
  const value = optionalString(args, name);
  if (value === undefined) return fail("invalid_arguments", [`[ERROR] missing required field: ${name}`]);
  return value;
}

export function optionalBoolean(args: Args, name: string): boolean | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "1" || value === 1) return true;
  if (value === "false" || value === "0" || value === 0) return false;
  return fail("invalid_arguments", [`[ERROR] expected a boolean [json-pointer:/${name}]`]);
}

export function optionalInteger(args: Args, name: string): number | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(n)) return fail("invalid_arguments", [`[ERROR] expected an integer [json-pointer:/${name}]`]);
  return n;
}

/** A field that may be sent as a JSON-encoded string (form bodies) or as a value (JSON bodies). */
export function optionalJson(args: Args, name: string, formatError: string): unknown {
  const value = args[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return fail(formatError, [`[ERROR] could not parse JSON [json-pointer:/${name}]`]);
  }
}

/** A comma-separated list (`users=U1,U2`) or a JSON array. */
export function stringList(args: Args, name: string): string[] {
  const value = args[name];
  if (Array.isArray(value)) return value.map(String);
  const text = optionalString(args, name);
  if (text === undefined) return [];
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
