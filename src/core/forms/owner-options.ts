// Owner partners as choices: Slack cuts an option's value at 150 characters, so an organisation named longer than
// that could never be chosen (and the result never submitted) if the name were the value. The value is a short,
// stable id of the name instead, read back against the project's partners when the form is submitted.
import type { FieldOption, RawValue } from "./spec.ts";

/** A short id of a partner's name (FNV-1a, 32 bits, and the name's length): stable across forms, no I/O. */
export function ownerOptionValue(name: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return `owner:${hash.toString(36)}.${name.length.toString(36)}`;
}

export function ownerOptions(partners: readonly string[]): FieldOption[] {
  return partners.map((name) => ({ value: ownerOptionValue(name), label: name }));
}

/** Chosen option values back to partner names; a value that is no partner's id is kept as it came (and refused). */
export function ownerNames(raw: RawValue | undefined, partners: readonly string[]): RawValue | undefined {
  if (!Array.isArray(raw)) return raw;
  const byValue = new Map(partners.map((name) => [ownerOptionValue(name), name]));
  return raw.map((value) => byValue.get(value) ?? value);
}
