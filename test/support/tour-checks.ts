// What no surface of the tour (`npm run tour`) may show, on any platform: the internal values of visible-text.ts,
// plus internal names in code form and raw timestamps.
import { internalValues } from "./visible-text.ts";

const codeForms: { name: string; pattern: RegExp }[] = [
  { name: "a snake_case name", pattern: /\b[a-z]+(?:_[a-z]+)+\b/ },
  { name: "a SCREAMING_CASE name", pattern: /\b[A-Z]{3,}_[A-Z_]+\b/ },
  { name: "a bare phase", pattern: /\b(HOMEWORK|SETUP|ANALYSIS|ANNOUNCED|DRAFT|SUBMITTED)\b/ },
  { name: "an ISO timestamp", pattern: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/ },
  { name: "an enum name after a colon", pattern: /:\s*(homework|submitted|suggested|not_started|on_track)\s*$/m },
];

/** The internal values in one piece of text a person reads, by name. */
export function shownInternals(text: string): string[] {
  return [...internalValues(text), ...codeForms.filter(({ pattern }) => pattern.test(text)).map(({ name }) => name)];
}
