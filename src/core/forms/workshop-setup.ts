import { z } from "zod";
import type { Workshop } from "../model/domain.ts";
import { optionalText, requiredText, userIds } from "./fields.ts";
import { type FormSpec, parseForm, type RawValues } from "./spec.ts";

export const defaultCadence = [7, 3, 1, 0];

export interface WorkshopSetup {
  name: string;
  theme: string | null;
  timezone: string;
  homeworkDeadline: Date | null;
  maxResultsPerProject: number;
  reminderCadenceDays: number[];
  announcementChannel: string | null;
  coFacilitators: string[];
}

/** `defaultZone` (the facilitator's own) is offered for a new workshop. */
export function workshopSetupForm(
  current: Workshop | null,
  coFacilitators: string[],
  channel: string | null,
  defaultZone = "UTC",
): FormSpec {
  return {
    id: "workshop.setup",
    title: current ? "Workshop settings" : "New workshop",
    submitLabel: "Save",
    fields: [
      { id: "name", label: "Workshop name", kind: "text", required: true, maxLength: 120, initial: current?.name },
      { id: "theme", label: "Theme", kind: "longText", required: false, maxLength: 500, initial: current?.theme },
      {
        id: "timezone",
        label: "Timezone",
        kind: "search",
        source: "timezones",
        required: true,
        hint: "Daily digests and the deadline morning follow this timezone.",
        initial: { value: current?.timezone ?? defaultZone, label: current?.timezone ?? defaultZone },
      },
      {
        id: "homeworkDeadline",
        label: "Homework deadline",
        kind: "datetime",
        required: false,
        initial: current?.homeworkDeadline ?? null,
      },
      {
        id: "maxResultsPerProject",
        label: "Results per project",
        kind: "number",
        required: true,
        min: 1,
        max: 10,
        hint: "How many of its most significant exploitable results each project lists.",
        initial: current?.maxResultsPerProject ?? 3,
      },
      {
        id: "reminderCadence",
        label: "Reminders (days before the deadline)",
        kind: "text",
        required: false,
        maxLength: 40,
        hint: "Comma-separated; 0 is the deadline morning. Leave empty for no reminders.",
        initial: (current?.reminderCadenceDays ?? defaultCadence).join(", "),
      },
      { id: "announcementChannel", label: "Announcement channel", kind: "channel", required: false, initial: channel },
      { id: "coFacilitators", label: "Co-facilitators", kind: "people", required: false, initial: coFacilitators },
    ],
  };
}

const timezoneSchema = z
  .string({ message: "Please pick a timezone." })
  .refine(isKnownTimezone, { message: "Please pick a timezone from the list, e.g. Europe/Brussels." });

const cadenceSchema = z.preprocess(
  (value) => (typeof value === "string" ? value : ""),
  z
    .string()
    .regex(/^[\d\s,]*$/, "Please give whole numbers of days separated by commas, e.g. 7, 3, 1, 0.")
    .transform((text) =>
      [
        ...new Set(
          text
            .split(",")
            .map((part) => part.trim())
            .filter(Boolean)
            .map(Number),
        ),
      ].sort((a, b) => b - a),
    )
    .refine((days) => days.every((day) => day <= 60), "Reminders can start at most 60 days before the deadline.")
    .refine((days) => days.length <= 6, "At most 6 reminders: more than that and people mute the bot."),
);

const setupSchema = z
  .object({
    name: requiredText("a workshop name", 120),
    theme: optionalText("the theme", 500),
    timezone: timezoneSchema,
    homeworkDeadline: z.preprocess(
      (value) => (typeof value === "string" && value !== "" ? new Date(value) : null),
      z.date({ message: "Please pick a date and a time." }).nullable(),
    ),
    maxResultsPerProject: z.preprocess(
      (value) => (value === null || value === "" ? undefined : Number(value)),
      z
        .number({ message: "Please enter how many results each project lists (1 to 10)." })
        .int("Please enter a whole number from 1 to 10.")
        .min(1, "Please enter a whole number from 1 to 10.")
        .max(10, "Please enter a whole number from 1 to 10."),
    ),
    reminderCadence: cadenceSchema,
    announcementChannel: z.preprocess((value) => value || null, z.string().nullable()),
    coFacilitators: userIds,
  })
  .transform(({ reminderCadence, ...rest }): WorkshopSetup => ({ ...rest, reminderCadenceDays: reminderCadence }));

export function parseWorkshopSetup(raw: RawValues, now: Date, previousDeadline: Date | null = null) {
  const parsed = parseForm(setupSchema, raw);
  if (!parsed.ok) return parsed;
  const deadline = parsed.value.homeworkDeadline;
  const unchanged = deadline && previousDeadline && deadline.getTime() === previousDeadline.getTime();
  if (deadline && !unchanged && deadline.getTime() <= now.getTime()) {
    return { ok: false as const, errors: { homeworkDeadline: "The deadline has to be in the future." } };
  }
  return parsed;
}

export function isKnownTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** IANA timezone names whose name contains the query (case-insensitive), for a type-ahead menu. */
export function searchTimezones(query: string, limit = 100): string[] {
  const needle = query.trim().toLowerCase().replace(/\s+/g, "_");
  return ["UTC", ...Intl.supportedValuesOf("timeZone")]
    .filter((zone) => zone.toLowerCase().includes(needle))
    .slice(0, limit);
}
