// zod building blocks shared by the forms: user text is normalised (NFKC) and stripped of control, bidi and
// invisible characters before anything else sees it (src/core/text); a NUL byte cannot even be stored in PostgreSQL,
// and an override can make a title read backwards.
import { z } from "zod";
import { cleanUserText, lookalikeAcronymProblem } from "../text/index.ts";

/** Multi-line user text, cleaned: line breaks and tabs survive. */
export function cleanText(value: string): string {
  return cleanUserText(value, { multiline: true });
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

/** A project acronym: letters and digits (and . _ + -), in one alphabet, not passing for a Latin one. */
export const acronymText = (label = "an acronym", maxLength = 20) =>
  requiredText(label, maxLength)
    .pipe(
      z
        .string()
        .regex(/^[\p{L}\p{N}][\p{L}\p{N}._+-]*$/u, "An acronym is letters and digits (and . _ + -), no spaces."),
    )
    .superRefine((acronym, context) => {
      const problem = lookalikeAcronymProblem(acronym);
      if (problem) context.addIssue({ code: "custom", message: problem });
    });

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
