import type { z } from "zod";
import { INTEREST_LEVELS } from "../clustering/index.ts";
import { type InterestInput, type ReportInput, reportInputSchema } from "./input.ts";

export type IssuePath = (string | number)[];

/** One problem in a report input, located by its path (e.g. ["results", 3, "project"]). */
export interface InputIssue {
  path: IssuePath;
  message: string;
}

export type InputValidation =
  | { ok: true; input: ReportInput; warnings: InputIssue[] }
  | { ok: false; issues: InputIssue[]; warnings: InputIssue[] };

/**
 * Checks shape and references (ids, owners, cluster members); returns every issue found, never throws. When the
 * shape is wrong somewhere, the references are still checked on what can be read, so one pass reports everything.
 */
export function validateReportInput(raw: unknown): InputValidation {
  const parsed = reportInputSchema.safeParse(raw);
  if (!parsed.success) {
    const shape = parsed.error.issues.map(zodIssue);
    const flagged = new Set(shape.map((i) => i.path.join(".")));
    const meaning = crossChecks(looseInput(raw)).issues.filter((i) => !flagged.has(i.path.join(".")));
    return { ok: false, issues: [...shape, ...meaning], warnings: [] };
  }
  const { issues, warnings, kept } = crossChecks(parsed.data);
  if (issues.length > 0) return { ok: false, issues, warnings };
  return { ok: true, input: { ...parsed.data, interests: kept }, warnings };
}

function crossChecks(input: ReportInput) {
  const interests = checkInterests(input);
  const issues = [
    ...checkProjects(input),
    ...checkResults(input),
    ...interests.issues,
    ...checkClusters(input),
    ...checkHistory(input),
  ];
  return { issues, warnings: interests.warnings, kept: interests.kept };
}

type Loose = Record<string, unknown>;

const text = (value: unknown) =>
  typeof value === "string" ? value.trim() || undefined : typeof value === "number" ? String(value) : undefined;
const number = (value: unknown) => (typeof value === "number" ? value : undefined);
const items = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.map((v) => (typeof v === "object" && v !== null ? (v as Loose) : {})) : [];
const texts = (value: unknown) => (Array.isArray(value) ? value.map(text).filter((v): v is string => !!v) : []);

/** What can be read of an input that does not have the right shape, for the reference checks only. */
function looseInput(raw: unknown): ReportInput {
  const record = (typeof raw === "object" && raw !== null ? raw : {}) as Loose;
  const clusters = Array.isArray(record.clusters) ? items(record.clusters) : undefined;
  return {
    workshop: { name: "", theme: undefined, timezone: undefined, homeworkDeadline: undefined, phase: undefined },
    projects: items(record.projects).map((p) => ({
      id: text(p.id) ?? "",
      acronym: text(p.acronym) ?? "",
      title: undefined,
      summary: undefined,
      programme: undefined,
      partners: items(p.partners).map((o) => ({ name: text(o.name) ?? "", country: undefined })),
      members: [],
    })),
    results: items(record.results).map((r) => ({
      id: text(r.id) ?? "",
      project: text(r.project) ?? "",
      title: text(r.title) ?? "",
      description: undefined,
      type: undefined,
      usp: undefined,
      iprWithin: undefined,
      iprOutside: undefined,
      market: undefined,
      timeToMarket: undefined,
      needs: undefined,
      keywords: [],
      owners: texts(r.owners),
      iprProtection: [],
      trlNow: number(r.trlNow),
      trlExpected: number(r.trlExpected),
    })),
    interests: items(record.interests).map((i) => ({
      project: text(i.project) ?? "",
      result: text(i.result) ?? "",
      level: i.level === "low" || i.level === "high" ? i.level : "medium",
      note: undefined,
    })),
    clusters: clusters?.map((c) => ({
      id: text(c.id) ?? "",
      label: "",
      explanation: undefined,
      status: "suggested",
      results: texts(c.results),
      workPlan: [],
    })),
    unclustered: Array.isArray(record.unclustered)
      ? items(record.unclustered).map((u) => ({ result: text(u.result) ?? "", nearest: text(u.nearest) ?? null }))
      : undefined,
    history: items(record.history).map((e) => ({
      at: text(e.at) ?? new Date(0).toISOString(),
      by: "",
      action: "",
      cluster: text(e.cluster),
    })),
  };
}

function zodIssue(issue: z.core.$ZodIssue): InputIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const message =
    issue.code === "invalid_type" && issue.message.includes("received undefined")
      ? `is required (expected ${issue.expected})`
      : issue.code === "invalid_value"
        ? `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`
        : issue.code === "too_small" && issue.origin === "number"
          ? `expected a number ≥ ${issue.minimum}`
          : issue.code === "too_big" && issue.origin === "number"
            ? `expected a number ≤ ${issue.maximum}`
            : issue.message;
  return { path, message };
}

function duplicatesOf(
  values: string[],
  describe: (value: string, first: number) => string,
  at: (i: number) => IssuePath,
) {
  const seen = new Map<string, number>();
  const issues: InputIssue[] = [];
  values.forEach((value, index) => {
    if (value === "" || value.endsWith("\u0000")) return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else issues.push({ path: at(index), message: describe(value, first) });
  });
  return issues;
}

function checkProjects(input: ReportInput): InputIssue[] {
  return [
    ...duplicatesOf(
      input.projects.map((p) => p.id),
      (id) => `duplicate project id "${id}"`,
      (i) => ["projects", i, "id"],
    ),
    ...duplicatesOf(
      input.projects.map((p) => p.acronym.toLowerCase()),
      (_, first) => `the acronym "${input.projects[first]!.acronym}" is already used by another project`,
      (i) => ["projects", i, "acronym"],
    ),
  ];
}

function checkResults(input: ReportInput): InputIssue[] {
  const projects = new Map(input.projects.map((p) => [p.id, p]));
  const issues = duplicatesOf(
    input.results.map((r) => r.id),
    (id) => `duplicate result id "${id}"`,
    (i) => ["results", i, "id"],
  );
  issues.push(
    ...duplicatesOf(
      input.results.map((r) => `${r.project}\u0000${r.title.toLowerCase()}`),
      (_, first) => `the project already has a result titled "${input.results[first]!.title}"`,
      (i) => ["results", i, "title"],
    ),
  );
  input.results.forEach((result, index) => {
    const project = projects.get(result.project);
    if (!project) {
      if (result.project !== "")
        issues.push({ path: ["results", index, "project"], message: unknown("project", result.project, projects) });
      return;
    }
    const partners = new Set(project.partners.map((p) => p.name));
    for (const owner of result.owners) {
      if (partners.has(owner)) continue;
      const listed = [...partners].join(", ") || "none listed";
      issues.push({
        path: ["results", index, "owners"],
        message: `"${owner}" is not a partner of ${project.acronym} (partners: ${listed})`,
      });
    }
    if (result.trlNow !== undefined && result.trlExpected !== undefined && result.trlExpected < result.trlNow) {
      issues.push({
        path: ["results", index, "trlExpected"],
        message: `expected TRL ${result.trlExpected} is below the TRL now (${result.trlNow})`,
      });
    }
  });
  return issues;
}

function checkInterests(input: ReportInput): { issues: InputIssue[]; warnings: InputIssue[]; kept: InterestInput[] } {
  const projects = new Map(input.projects.map((p) => [p.id, p]));
  const owner = new Map(input.results.map((r) => [r.id, r.project]));
  const issues: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  const byPair = new Map<string, InterestInput>();
  input.interests.forEach((interest, index) => {
    const at = (field: string): IssuePath => ["interests", index, field];
    if (!projects.has(interest.project) && interest.project !== "")
      issues.push({ path: at("project"), message: unknown("project", interest.project, projects) });
    const resultOwner = owner.get(interest.result);
    if (resultOwner === undefined) {
      if (interest.result !== "")
        issues.push({ path: at("result"), message: `interest in ${unknown("result", interest.result, owner)}` });
      return;
    }
    if (resultOwner === interest.project) {
      warnings.push({ path: at("project"), message: `a project's interest in its own result is ignored` });
      return;
    }
    const pair = `${interest.project}\u0000${interest.result}`;
    const previous = byPair.get(pair);
    if (previous) {
      warnings.push({ path: at("result"), message: "the same interest is given twice; the higher level is kept" });
      if (INTEREST_LEVELS.indexOf(previous.level) >= INTEREST_LEVELS.indexOf(interest.level)) return;
    }
    byPair.set(pair, interest);
  });
  return { issues, warnings, kept: [...byPair.values()] };
}

function checkClusters(input: ReportInput): InputIssue[] {
  const results = new Map(input.results.map((r) => [r.id, r]));
  const clusters = new Map((input.clusters ?? []).map((c) => [c.id, c]));
  const issues = duplicatesOf(
    (input.clusters ?? []).map((c) => c.id),
    (id) => `duplicate cluster id "${id}"`,
    (i) => ["clusters", i, "id"],
  );
  const clustered = new Set<string>();
  (input.clusters ?? []).forEach((cluster, index) => {
    cluster.results.forEach((id, k) => {
      if (!results.has(id))
        issues.push({ path: ["clusters", index, "results", k], message: unknown("result", id, results) });
      clustered.add(id);
    });
  });
  (input.unclustered ?? []).forEach((entry, index) => {
    if (!results.has(entry.result) && entry.result !== "")
      issues.push({ path: ["unclustered", index, "result"], message: unknown("result", entry.result, results) });
    else if (clustered.has(entry.result))
      issues.push({ path: ["unclustered", index, "result"], message: `"${entry.result}" is also in a cluster` });
    if (entry.nearest !== null && !clusters.has(entry.nearest))
      issues.push({ path: ["unclustered", index, "nearest"], message: unknown("cluster", entry.nearest, clusters) });
  });
  return issues;
}

function checkHistory(input: ReportInput): InputIssue[] {
  const clusters = new Map((input.clusters ?? []).map((c) => [c.id, c]));
  const issues: InputIssue[] = [];
  input.history.forEach((event, index) => {
    if (Number.isNaN(Date.parse(event.at)))
      issues.push({ path: ["history", index, "at"], message: `expected a date and time, got "${event.at}"` });
    if (event.cluster !== undefined && !clusters.has(event.cluster))
      issues.push({ path: ["history", index, "cluster"], message: unknown("cluster", event.cluster, clusters) });
  });
  return issues;
}

function unknown(noun: string, value: string, known: ReadonlyMap<string, unknown>): string {
  const sample = [...known.keys()].sort().slice(0, 8).join(", ");
  return `unknown ${noun} "${value}"${known.size ? ` (known: ${sample}${known.size > 8 ? ", …" : ""})` : ""}`;
}
