import { z } from "zod";
import type { Project } from "../model/domain.ts";
import { acronymText, cleanText, optionalText, requiredText, userIds } from "./fields.ts";
import { type FormSpec, parseForm, type RawValues } from "./spec.ts";

export interface ProjectInput {
  acronym: string;
  title: string;
  summary: string | null;
  partners: string[];
  members: string[];
}

export function projectForm(current: Project | null, memberIds: string[]): FormSpec {
  return {
    id: current ? "project.edit" : "project.add",
    title: current ? `Edit ${current.acronym}`.slice(0, 24) : "Add a project",
    submitLabel: "Save",
    fields: [
      { id: "acronym", label: "Acronym", kind: "text", required: true, maxLength: 20, initial: current?.acronym },
      { id: "title", label: "Title", kind: "text", required: true, maxLength: 200, initial: current?.title },
      {
        id: "summary",
        label: "Summary",
        kind: "longText",
        required: false,
        maxLength: 2000,
        initial: current?.summary,
      },
      {
        id: "partners",
        label: "Partner organisations",
        kind: "longText",
        required: false,
        maxLength: 3000,
        hint: "One organisation per line (commas may be part of a name).",
        initial: current?.partners.join("\n"),
      },
      {
        id: "members",
        label: "Members",
        kind: "people",
        required: false,
        initial: memberIds,
        hint: "They answer the homework.",
      },
    ],
  };
}

const projectSchema = z.object({
  acronym: acronymText(),
  title: requiredText("a title", 200),
  summary: optionalText("the summary", 2000),
  partners: z
    .preprocess(
      (value) => (typeof value === "string" ? value.split("\n") : []),
      z.array(z.string()).transform((lines) => [...new Set(lines.map(cleanText).filter((line) => line !== ""))]),
    )
    .pipe(
      z
        .array(z.string().max(200, "Each partner name must be under 200 characters."))
        .max(40, "Please list at most 40 partner organisations."),
    ),
  members: userIds,
});

export function parseProject(raw: RawValues) {
  return parseForm(projectSchema, raw);
}

export type { ProjectInput as ParsedProject };
