// What a person can read on a Slack surface the stand-in recorded, and the internal values that must never be in it.

/** Every piece of text a person can read in Block Kit or a message: `text` strings (headers, sections, buttons,
 * options, labels, placeholders), never ids, values, action ids or private metadata. */
export function visibleTexts(node: unknown): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) walk(item);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "text" && typeof inner === "string") texts.push(inner);
        else if (key === "private_metadata" || key === "value" || key === "action_id" || key === "block_id") continue;
        else walk(inner);
      }
    }
  };
  walk(node);
  return texts;
}

const internal: { name: string; pattern: RegExp }[] = [
  { name: "a uuid", pattern: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i },
  { name: "a Slack id written out", pattern: /(?<!<@)\b[UCDTWG](?=[A-Z0-9]*\d)[A-Z0-9]{8,}\b/ },
  { name: "undefined", pattern: /\bundefined\b/ },
  { name: "null", pattern: /\bnull\b/ },
  { name: "NaN", pattern: /\bNaN\b/ },
  { name: "[object Object]", pattern: /\[object \w+\]/ },
  { name: "an enum value", pattern: /\b(co_develop|joint_exploitation|not-started)\b/ },
  {
    name: "a raw phase or status",
    pattern: /\b(phase|status): ?(setup|homework|analysis|announced|working|closed|draft|submitted)\b/i,
  },
  { name: "an action id", pattern: /\b(homework|reminder|workshop|project)\.[a-z][A-Za-z]+\b/ },
];

/** The internal values found in `text`, by name. */
export function internalValues(text: string): string[] {
  return internal.filter(({ pattern }) => pattern.test(text)).map(({ name }) => name);
}
