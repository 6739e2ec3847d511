/**
 * The real evaluation sets (test/fixtures/real/*.json, see README there) and the variants they are scored in:
 * full text, an unordered list of terms, titles only, and 75 % of the projects (seeded subsets).
 */
import { readdirSync, readFileSync } from "node:fs";
import type { WorkshopInput } from "../../src/core/clustering/index.ts";
import { seededRandom } from "../../src/core/clustering/rng.ts";
import { tokens } from "./baselines.ts";

export interface LabelledWorkshop {
  name: string;
  heldOut: boolean;
  workshop: WorkshopInput;
  /** Result id → true group. */
  plant: Record<string, string>;
  /** Results that belong to no group and should stay unclustered (planted workshops only). */
  unrelated?: string[];
}

type Fixture = WorkshopInput & {
  plant: Record<string, string>;
  heldOut?: boolean;
  field?: string;
  unrelated?: string[];
};

const REAL = new URL("../fixtures/real/", import.meta.url);

const PLANTED = new URL("planted/", REAL);

export function loadRealSets(): LabelledWorkshop[] {
  return loadFolder(REAL);
}

/** Workshops with planted groups and unrelated results (test/fixtures/real/planted/). */
export function loadPlantedSets(): LabelledWorkshop[] {
  return loadFolder(PLANTED);
}

function loadFolder(folder: URL): LabelledWorkshop[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed = JSON.parse(readFileSync(new URL(file, folder), "utf8")) as Fixture;
      const { plant, heldOut, unrelated, field: _field, ...workshop } = parsed;
      return { name: file.replace(/\.json$/, ""), heldOut: heldOut ?? false, workshop, plant, unrelated };
    });
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every result's text as an unordered list of its distinct words (no sentence, no title): pasted keywords. */
export function termsOnly(set: LabelledWorkshop): LabelledWorkshop {
  const random = seededRandom(7);
  return {
    ...set,
    workshop: {
      ...set.workshop,
      results: set.workshop.results.map((r) => {
        const words = [...new Set(tokens(`${r.title} ${r.description ?? ""} ${(r.keywords ?? []).join(" ")}`))];
        const { description: _d, usp: _u, market: _m, ...rest } = r;
        return { ...rest, title: "terms", keywords: shuffled(words, random) };
      }),
    },
  };
}

/** Titles only: the description is the title, nothing else. */
export function titlesOnly(set: LabelledWorkshop): LabelledWorkshop {
  return {
    ...set,
    workshop: {
      ...set.workshop,
      results: set.workshop.results.map((r) => ({
        id: r.id,
        project: r.project,
        title: r.title,
        description: r.title,
      })),
    },
  };
}

/** A seeded subset with `share` of the projects (all of their results), interests restricted to what remains. */
export function projectSubset(set: LabelledWorkshop, share: number, seed: number): LabelledWorkshop {
  const projects = set.workshop.projects.map((p) => p.id).sort();
  const keep = new Set(shuffled(projects, seededRandom(seed)).slice(0, Math.round(projects.length * share)));
  const results = set.workshop.results.filter((r) => keep.has(r.project));
  const ids = new Set(results.map((r) => r.id));
  return {
    ...set,
    workshop: {
      ...set.workshop,
      projects: set.workshop.projects.filter((p) => keep.has(p.id)),
      results,
      interests: (set.workshop.interests ?? []).filter((i) => keep.has(i.project) && ids.has(i.result)),
    },
    plant: Object.fromEntries(Object.entries(set.plant).filter(([id]) => ids.has(id))),
    unrelated: set.unrelated?.filter((id) => ids.has(id)),
  };
}

export function textOf(r: WorkshopInput["results"][number]): string {
  return [r.title, r.description ?? "", (r.keywords ?? []).join(" "), r.usp ?? "", r.market ?? ""].join(" ");
}
