/**
 * Derives the real evaluation sets in test/fixtures/real/ from public text nobody here wrote: the English package
 * descriptions of Debian 12 (bookworm), grouped by the Debian Pure Blends task metapackages they are listed in
 * (Debian Science, Debian Med, Debian GIS, Debian Astro, Debian Hamradio). The grouping is chosen by the Debian
 * teams that maintain those tasks, not by us. See test/fixtures/real/README.md for the rule and the licence.
 *
 * Needs apt lists with English translations (run once as root):
 *   apt-get update -o Acquire::Languages=en
 *   node test/tools/derive-real-sets.ts            (writes test/fixtures/real/*.json)
 *
 * The selection rule below was fixed before any set was scored and is applied mechanically:
 * - a task's candidates are the packages its metapackage Depends on, Recommends or Suggests (every alternative);
 * - packages whose names mark packaging artefacts are dropped (lib…, …-dev, -doc, -dbg, -data, -common, -examples,
 *   -tests, -plugins, -locales), as are packages without a long description;
 * - a package listed in two tasks of the same set is dropped (its group would be ambiguous);
 * - per task, packages are ordered by the SHA-1 of their name (a fixed pseudo-random order) and the first 10 kept;
 *   tasks left with fewer than 4 packages are dropped;
 * - a "project" is the Debian source package, so a source with several kept binaries is one project with several
 *   results (title = short description, description = long description).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";

export interface SetDefinition {
  name: string;
  field: string;
  heldOut: boolean;
  tasks: string[];
}

export const SET_DEFINITIONS: SetDefinition[] = [
  {
    name: "debian-engineering",
    field: "manufacturing and digital engineering (CAD/CAM, simulation, electronics, robotics, data acquisition)",
    heldOut: false,
    tasks: [
      "science-engineering",
      "science-electronics",
      "science-robotics",
      "science-dataacquisition",
      "science-numericalcomputation",
      "science-simulations",
      "science-imageanalysis",
      "science-machine-learning",
      "science-distributedcomputing",
      "science-workflow",
    ],
  },
  {
    name: "debian-health",
    field: "health and bio (Debian Med)",
    heldOut: false,
    tasks: [
      "med-bio",
      "med-imaging",
      "med-practice",
      "med-epi",
      "med-his",
      "med-dental",
      "med-psychology",
      "med-physics",
      "med-laboratory",
      "med-pharmacy",
    ],
  },
  {
    name: "debian-earth",
    field: "climate, earth observation and physical sciences",
    heldOut: false,
    tasks: [
      "science-meteorology",
      "science-geography",
      "gis-gps",
      "gis-osm",
      "gis-remotesensing",
      "gis-web",
      "science-chemistry",
      "science-nanoscale-physics",
      "science-highenergy-physics",
    ],
  },
  {
    name: "debian-astro",
    field: "astronomy instruments and data (Debian Astro)",
    heldOut: true,
    tasks: [
      "astro-catalogs",
      "astro-datareduction",
      "astro-radioastronomy",
      "astro-simulation",
      "astro-telescopecontrol",
      "astro-viewers",
      "astro-virtual-observatory",
      "astro-publication",
      "astro-education",
    ],
  },
  {
    name: "debian-radio",
    field: "radio communication and transport telematics (Debian Hamradio)",
    heldOut: true,
    tasks: [
      "hamradio-antenna",
      "hamradio-datamodes",
      "hamradio-digitalvoice",
      "hamradio-logging",
      "hamradio-morse",
      "hamradio-packetmodes",
      "hamradio-rigcontrol",
      "hamradio-satellite",
      "hamradio-sdr",
      "hamradio-training",
    ],
  },
  {
    name: "debian-social-math",
    field: "social sciences, economics, mathematics and publishing",
    heldOut: true,
    tasks: [
      "science-economics",
      "science-financial",
      "science-linguistics",
      "science-psychophysics",
      "science-neuroscience-cognitive",
      "science-mathematics",
      "science-statistics",
      "science-logic",
      "science-typesetting",
      "science-presentation",
    ],
  },
];

const PER_TASK = 10;
const MIN_PER_TASK = 4;
const ARTEFACT = /^lib|-(dev|doc|dbg|data|common|examples|tests?|plugins?|locales)$/;

interface Package {
  name: string;
  source: string;
  title: string;
  description: string;
}

function aptShow(names: string[]): string {
  if (names.length === 0) return "";
  return execFileSync("apt-cache", ["-o", "Acquire::Languages=en", "show", "--no-all-versions", ...names], {
    encoding: "utf8",
    maxBuffer: 256 * 2 ** 20,
    stdio: ["ignore", "pipe", "ignore"],
  });
}

function records(text: string): Map<string, string>[] {
  return text
    .split(/\n\n+/)
    .filter((block) => block.trim())
    .map((block) => {
      const fields = new Map<string, string>();
      let key = "";
      for (const line of block.split("\n")) {
        if (/^\s/.test(line) && key) fields.set(key, `${fields.get(key)}\n${line}`);
        else {
          const at = line.indexOf(":");
          key = line.slice(0, at);
          fields.set(key, line.slice(at + 1).trim());
        }
      }
      return fields;
    });
}

function taskMembers(task: string): string[] {
  const [record] = records(aptShow([task]));
  if (!record) throw new Error(`task metapackage ${task} not found: run apt-get update -o Acquire::Languages=en`);
  const names = ["Depends", "Recommends", "Suggests"].flatMap((field) =>
    (record.get(field) ?? "")
      .split(/[,|]/)
      .map((entry) => entry.trim().split(/\s/)[0] ?? "")
      .filter(Boolean),
  );
  return [...new Set(names)].filter((n) => !ARTEFACT.test(n) && !/-(config|tasks)$/.test(n));
}

function describe(names: string[]): Map<string, Package> {
  const found = new Map<string, Package>();
  // One apt-cache call for all names; names that are not in bookworm main are simply absent from its output.
  let text = "";
  try {
    text = aptShow(names);
  } catch (error) {
    text = String((error as { stdout?: string }).stdout ?? "");
  }
  for (const record of records(text)) {
    const name = record.get("Package") ?? "";
    const long = record.get("Description-en") ?? "";
    const [title = "", ...rest] = long.split("\n");
    const description = rest
      .map((l) => l.trim())
      .map((l) => (l === "." ? "\n" : l))
      .join(" ")
      .replace(/ ?\n ?/g, "\n")
      .trim();
    if (!name || !description || found.has(name)) continue;
    const source = (record.get("Source") ?? name).split(/\s/)[0]!;
    found.set(name, { name, source, title: title.trim(), description });
  }
  return found;
}

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

export function deriveSet(definition: SetDefinition) {
  const members = new Map(definition.tasks.map((t) => [t, taskMembers(t)]));
  const count = new Map<string, number>();
  for (const list of members.values()) for (const n of list) count.set(n, (count.get(n) ?? 0) + 1);
  const packages = describe([...count.keys()].filter((n) => count.get(n) === 1).sort());
  const groups: [string, Package[]][] = [];
  for (const [task, list] of members) {
    const kept = list
      .filter((n) => packages.has(n))
      .sort((a, b) => (sha1(a) < sha1(b) ? -1 : 1))
      .slice(0, PER_TASK)
      .map((n) => packages.get(n)!);
    if (kept.length >= MIN_PER_TASK) groups.push([task, kept]);
  }
  const results = groups.flatMap(([task, list]) =>
    list.map((p) => ({
      id: `R-${p.name}`,
      project: `P-${p.source}`,
      title: p.title,
      description: p.description,
      task,
    })),
  );
  const projects = [...new Set(results.map((r) => r.project))].sort().map((id) => ({ id, acronym: id.slice(2) }));
  return {
    workshop: { name: `Debian ${definition.name.replace("debian-", "")} (real descriptions, Debian Blends tasks)` },
    heldOut: definition.heldOut,
    field: definition.field,
    projects,
    results: results.map(({ task: _task, ...r }) => r),
    interests: [],
    plant: Object.fromEntries(results.map((r) => [r.id, r.task])),
  };
}

if (import.meta.main) {
  const out = new URL("../fixtures/real/", import.meta.url);
  mkdirSync(out, { recursive: true });
  for (const definition of SET_DEFINITIONS) {
    const set = deriveSet(definition);
    writeFileSync(new URL(`${definition.name}.json`, out), `${JSON.stringify(set, null, 1)}\n`);
    const groups = new Set(Object.values(set.plant)).size;
    console.log(`${definition.name}: ${set.results.length} results, ${set.projects.length} projects, ${groups} groups`);
  }
}
