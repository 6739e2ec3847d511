// "Add item" and "Edit": the same fields a thread reply fills, as a form. The timeline is typed as in a thread
// ("Q3 2027 to Q1 2028", "by M18") and read with the same grammar, so both ways agree.
import { z } from "zod";
import { optionalText, requiredText } from "../forms/fields.ts";
import { type FieldErrors, type FormSpec, parseForm, type RawValues } from "../forms/spec.ts";
import { type DateContext, describeTimeline, readTimeline } from "./dates.ts";

export const workPlanFormId = "workplan.item";

export interface WorkPlanFormItem {
  activity: string;
  leadPartner: string | null;
  contributors: string[];
  startDate: Date | null;
  endDate: Date | null;
  milestone: string | null;
  resources: string | null;
  expectedBenefit: string | null;
  ipr: string | null;
}

/** The timeline as a person would type it again. */
export function timelineText(item: Pick<WorkPlanFormItem, "startDate" | "endDate" | "milestone">): string {
  if (item.milestone && !item.startDate) return `by ${item.milestone}`;
  return describeTimeline({ start: item.startDate, end: item.endDate, milestone: null }) ?? "";
}

const maxOptions = 100;

export function workPlanForm(partnerNames: readonly string[], current: WorkPlanFormItem | null): FormSpec {
  const options = partnerNames.slice(0, maxOptions).map((name) => ({ value: name, label: name.slice(0, 75) }));
  return {
    id: workPlanFormId,
    title: current ? "Edit work-plan item" : "Add work-plan item",
    submitLabel: "Save",
    fields: [
      {
        id: "activity",
        label: "Activity",
        kind: "longText",
        required: true,
        maxLength: 3000,
        initial: current?.activity ?? null,
      },
      {
        id: "lead",
        label: "Lead partner",
        kind: "choice",
        required: false,
        options,
        initial: current?.leadPartner ?? null,
      },
      {
        id: "contributors",
        label: "Contributors",
        kind: "choices",
        required: false,
        options,
        initial: current?.contributors.filter((name) => partnerNames.includes(name)) ?? [],
      },
      {
        id: "timeline",
        label: "Timeline or milestone",
        kind: "text",
        required: false,
        maxLength: 200,
        hint: "e.g. “Q3 2027 to Q1 2028”, “from March to June 2027”, “by M18”, “next spring”.",
        initial: current ? timelineText(current) : null,
      },
      {
        id: "resources",
        label: "Resources",
        kind: "text",
        required: false,
        maxLength: 2000,
        initial: current?.resources ?? null,
      },
      {
        id: "benefit",
        label: "Expected benefit",
        kind: "text",
        required: false,
        maxLength: 2000,
        initial: current?.expectedBenefit ?? null,
      },
      {
        id: "ipr",
        label: "IPR arrangements",
        kind: "text",
        required: false,
        maxLength: 2000,
        initial: current?.ipr ?? null,
      },
    ],
  };
}

function schemaFor(partnerNames: readonly string[]) {
  const known = (name: string) => partnerNames.includes(name);
  return z.object({
    activity: requiredText("the activity", 3000),
    lead: z.preprocess(
      (value) => (value === "" || value === undefined ? null : value),
      z.string().refine(known, "Choose one of the workshop's partners.").nullable(),
    ),
    contributors: z.preprocess(
      (value) => (Array.isArray(value) ? value : []),
      z.array(z.string().refine(known, "Choose the workshop's partners.")),
    ),
    timeline: optionalText("the timeline", 200),
    resources: optionalText("the resources", 2000),
    benefit: optionalText("the expected benefit", 2000),
    ipr: optionalText("the IPR arrangements", 2000),
  });
}

export function parseWorkPlanForm(
  raw: RawValues,
  partnerNames: readonly string[],
  dates: DateContext,
): { ok: true; value: WorkPlanFormItem } | { ok: false; errors: FieldErrors } {
  const parsed = parseForm(schemaFor(partnerNames), raw);
  if (!parsed.ok) return parsed;
  const { activity, lead, contributors, timeline, resources, benefit, ipr } = parsed.value;
  let dates_ = { start: null as Date | null, end: null as Date | null, milestone: null as string | null };
  if (timeline) {
    const read = readTimeline(timeline, dates);
    if (!read.ok) return { ok: false, errors: { timeline: `${capitalise(read.reason)}.` } };
    if (!read.found)
      return {
        ok: false,
        errors: { timeline: "I could not read this date: try “Q3 2027 to Q1 2028”, “by M18” or “2027-06-30”." },
      };
    dates_ = read.timeline;
  }
  return {
    ok: true,
    value: {
      activity,
      leadPartner: lead,
      contributors: [...new Set(contributors)].filter((name) => name !== lead),
      startDate: dates_.start,
      endDate: dates_.end,
      milestone: dates_.milestone,
      resources,
      expectedBenefit: benefit,
      ipr,
    },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
