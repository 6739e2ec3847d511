// zod building blocks shared by the forms: user text is trimmed and stripped of control characters before
// anything else sees it (a NUL byte cannot even be stored in PostgreSQL).
import { z } from "zod";

export function cleanText(value: string): string {
  let cleaned = "";
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0;
    const isControl = (code < 32 && character !== "\n" && character !== "\t") || code === 127;
    if (!isControl) cleaned += character;
  }
  return cleaned.trim();
}

const asText = (value: unknown) => (typeof value === "string" ? cleanText(value) : value);

export const requiredText = (label: string, maxLength: number) =>
  z.preprocess(
    asText,
    z
      .string({ message: `Please enter ${label}.` })
      .min(1, `Please enter ${label}.`)
      .max(maxLength, `Please keep ${label} under ${maxLength} characters.`),
  );

export const optionalText = (label: string, maxLength: number) =>
  z.preprocess((value) => {
    const text = asText(value);
    return text === "" || text === undefined ? null : text;
  }, z.string().max(maxLength, `Please keep ${label} under ${maxLength} characters.`).nullable());

export const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.enum(values, { message: `Please pick ${label} from the list.` }).nullable(),
  );

export const choiceList = (allowed: readonly string[], label: string) =>
  z.preprocess(
    (value) => (value === null || value === undefined ? [] : value),
    z.array(z.string()).refine((values) => values.every((value) => allowed.includes(value)), {
      message: `Please pick ${label} from the list.`,
    }),
  );

export const userIds = z.preprocess(
  (value) => (value === null || value === undefined ? [] : value),
  z.array(z.string()),
);

export const optionalInteger = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => {
      if (value === null || value === undefined) return null;
      const text = String(value).trim();
      return text === "" ? null : Number(text);
    },
    z
      .number({ message: `Please enter ${label} as a whole number.` })
      .int(`Please enter ${label} as a whole number.`)
      .min(min, `Please enter ${label} between ${min} and ${max}.`)
      .max(max, `Please enter ${label} between ${min} and ${max}.`)
      .nullable(),
  );

/** Comma- or line-separated words, cleaned, without duplicates. */
export const wordList = (label: string, maxItems: number, maxLength: number) =>
  z.preprocess(
    (value) =>
      typeof value === "string"
        ? [
            ...new Set(
              value
                .split(/[,;\n]/)
                .map(cleanText)
                .filter((item) => item !== ""),
            ),
          ]
        : (value ?? []),
    z
      .array(z.string().max(maxLength, `Each of ${label} must be under ${maxLength} characters.`))
      .max(maxItems, `Please give at most ${maxItems} ${label}.`),
  );
