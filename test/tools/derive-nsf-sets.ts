/**
 * Derives the NSF evaluation sets in test/fixtures/real/ from research-project abstracts nobody here wrote: the
 * awards of the US National Science Foundation for fiscal year 2026, grouped by the NSF programme that funds each
 * award. NSF programme officers file each proposal under a programme, so the grouping is theirs, not ours. Award
 * abstracts are works of the US federal government (public domain). See test/fixtures/real/README.md.
 *
 * Input: the spreadsheet `data/slim/nsf_awards_FY2026_slim.xlsx` of the public repository gisbi-kim/nsf-awards-explorer
 * (commit 87fb08ea3dec2999886f79f05edb9d20510ef0cb), an extract of NSF's own award download (one row per award:
 * award id, title, directorate, division, programme, abstract…). Fetch that repository, save the file, then:
 *   node test/tools/derive-nsf-sets.ts PATH/TO/nsf_awards_FY2026_slim.xlsx     (writes test/fixtures/real/nsf-*.json)
 *
 * The selection rule below was fixed before any set was scored and is applied mechanically:
 * - a project is an award; awards with the same title (collaborative awards at several institutions, which share one
 *   abstract) are one project, represented by its lowest award id;
 * - an award listed under more than one programme is dropped (its group would be ambiguous), as are programmes that
 *   name a funding mechanism rather than a research topic (MECHANISM below: REU sites, scholarships, EPSCoR, CAREER,
 *   instrumentation, special projects, cross-cutting, training, education, infrastructure…);
 * - a set takes the NSF divisions of its field; its groups are their programmes with at least 4 projects, the 12 with
 *   most projects (ties by name); per programme the projects are ordered by the SHA-1 of their award id (a fixed
 *   pseudo-random order, not by content) and the first 5 kept;
 * - each project gives one result per part of its abstract: the first paragraph, and the remaining paragraphs
 *   (usually the technical summary or the broader impacts, and NSF's closing statement, kept as written: real project
 *   prose has such boilerplate). A project whose abstract has a single paragraph gives one result.
 * - the planted workshop `planted/nsf-planted.json` takes the groups of `nsf-earth-climate` plus, as unrelated results, the first
 *   part of one project from each of 12 other divisions (divisions in SHA-1 order, skipping those used by a set and
 *   those close to earth sciences; per division the first eligible project by SHA-1 of its award id), each its own
 *   project: unrelated to the groups and to each other.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";

export interface NsfSetDefinition {
  name: string;
  field: string;
  heldOut: boolean;
  divisions: string[];
}

export const NSF_SETS: NsfSetDefinition[] = [
  {
    name: "nsf-digital-manufacturing",
    field:
      "manufacturing and digital: advanced manufacturing, dynamics and control, robotics and AI, human-centred computing, networks, security, software",
    heldOut: false,
    divisions: ["CMMI", "IIS", "CNS", "CCF", "OAC"],
  },
  {
    name: "nsf-energy-materials",
    field:
      "energy, electronics and materials: power and energy systems, circuits, photonic and quantum devices, polymers, condensed matter, chemistry",
    heldOut: false,
    divisions: ["ECCS", "DMR", "CHE"],
  },
  {
    name: "nsf-earth-climate",
    field:
      "climate and earth: atmospheric chemistry, space weather, water and land, volcanoes, oceanography, marine geology",
    heldOut: false,
    divisions: ["AGS", "EAR", "OCE", "OPP"],
  },
  {
    name: "nsf-cbet",
    field:
      "chemical, bioengineering, environmental and transport systems: biosensing, biomedical engineering, rehabilitation, electrochemical energy, catalysis, combustion, fluid dynamics, environmental engineering",
    heldOut: true,
    divisions: ["CBET"],
  },
];

/** Divisions close to the planted base's field (geosciences, ecology), never a source of unrelated results. */
const NEAR_PLANTED_BASE = ["DEB", "EES", "RISE"];
const PLANTED_BASE = "nsf-earth-climate";
const UNRELATED = 12;

export const MECHANISM =
  /RSCH EXPER|RES EXP|S-STEM|Noyce|EPSCoR|CAREER|Special|Major Research Instrumentation|Instrumentation|Cross-BIO|Crosscutting|XC-|Public Access|CyberTraining|Integrative Activities|SHORT TERM|I-Corps|POSE|IUSE|UNDERGRADUATE|EDUCATION|Research Initiation|Research Resources|Cmnty Rsrch|Infrastructure|INFRASTRUCTURE|Facilit|Postdoc|POST DOC|Research Fe|Institutes|Activities|Unallocated|SHIP OPERATIONS|MSI Research|Growing Convergence|LEAPS|Cross-Directorate|Pgm$/i;
const MIN_PROJECTS = 4;
const MAX_GROUPS = 12;
const PER_GROUP = 5;
const BOILERPLATE = "This award reflects NSF's statutory mission";

interface Award {
  id: string;
  title: string;
  division: string;
  programme: string;
  abstract: string;
}

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

export async function readAwards(path: string): Promise<Award[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const column = (name: string) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`${path}: no column "${name}" (found ${header.filter(Boolean).join(", ")})`);
    return at;
  };
  const at = {
    id: column("award_id"),
    title: column("title_clean"),
    division: column("division"),
    programme: column("program_name"),
    abstract: column("abstract"),
  };
  const awards: Award[] = [];
  sheet.eachRow((row, index) => {
    if (index === 1) return;
    const values = row.values as unknown[];
    const text = (k: number) => cellText(values[k]);
    awards.push({
      id: text(at.id),
      title: text(at.title),
      division: text(at.division),
      programme: text(at.programme),
      abstract: text(at.abstract),
    });
  });
  return awards;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    const cell = value as { text?: string; richText?: { text: string }[]; result?: unknown };
    if (cell.richText) return cell.richText.map((t) => t.text).join("");
    if (cell.text !== undefined) return String(cell.text);
    if (cell.result !== undefined) return String(cell.result);
  }
  return String(value).trim();
}

/** One project per title (collaborative awards share title and abstract), single-programme awards only. */
export function projectsOf(awards: readonly Award[]): Award[] {
  const byTitle = new Map<string, Award>();
  for (const award of awards) {
    if (!award.abstract || !award.title) continue;
    const known = byTitle.get(award.title);
    if (!known || Number(award.id) < Number(known.id)) byTitle.set(award.title, award);
  }
  return [...byTitle.values()].filter((a) => !a.programme.includes(",") && !MECHANISM.test(a.programme));
}

/** The abstract's first paragraph, and the rest (technical summary or broader impacts, NSF's closing statement). */
export function partsOf(abstract: string): string[] {
  const paragraphs: string[] = [];
  let heading = "";
  for (const raw of abstract.replace(/<br\s*\/?>/gi, "\n").split(/\n\s*\n/)) {
    const paragraph = raw.replace(/\s+/g, " ").trim();
    if (!paragraph) continue;
    // "NONTECHNICAL SUMMARY", "Technical summary:": a heading goes with the paragraph it introduces.
    if (paragraph.length < 60 && !/[.!?]$/.test(paragraph)) heading = `${heading}${paragraph} `;
    else {
      paragraphs.push(`${heading}${paragraph}`);
      heading = "";
    }
  }
  const content = paragraphs.filter((p) => !p.startsWith(BOILERPLATE));
  if (content.length <= 1) return [paragraphs.join("\n\n")];
  const [first, ...rest] = paragraphs;
  return [first!, rest.join("\n\n")];
}

function groupsOf(projects: readonly Award[], divisions: readonly string[]): [string, Award[]][] {
  const byProgramme = new Map<string, Award[]>();
  for (const p of projects) {
    if (!divisions.includes(p.division)) continue;
    byProgramme.set(p.programme, [...(byProgramme.get(p.programme) ?? []), p]);
  }
  return [...byProgramme]
    .filter(([, list]) => list.length >= MIN_PROJECTS)
    .sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1))
    .slice(0, MAX_GROUPS)
    .map(([programme, list]) => [
      programme,
      [...list].sort((a, b) => (sha1(a.id) < sha1(b.id) ? -1 : 1)).slice(0, PER_GROUP),
    ]);
}

interface DerivedResult {
  id: string;
  project: string;
  title: string;
  description: string;
}

function resultsOf(project: Award, onlyFirst = false): DerivedResult[] {
  const parts = partsOf(project.abstract);
  return (onlyFirst ? parts.slice(0, 1) : parts).map((description, k) => ({
    id: `R-${project.id}-${k + 1}`,
    project: `P-${project.id}`,
    title: project.title,
    description,
  }));
}

export function deriveNsfSet(definition: NsfSetDefinition, projects: readonly Award[]) {
  const groups = groupsOf(projects, definition.divisions);
  const rows = groups.flatMap(([programme, list]) => list.flatMap((p) => resultsOf(p).map((r) => ({ r, programme }))));
  return fixture(
    `NSF ${definition.name.replace("nsf-", "")} (real award abstracts, NSF programmes)`,
    definition,
    rows.map(({ r }) => r),
    Object.fromEntries(rows.map(({ r, programme }) => [r.id, programme])),
    groups.flatMap(([, list]) => list),
  );
}

export function derivePlanted(projects: readonly Award[]) {
  const base = NSF_SETS.find((s) => s.name === PLANTED_BASE)!;
  const groups = groupsOf(projects, base.divisions);
  const rows = groups.flatMap(([programme, list]) => list.flatMap((p) => resultsOf(p).map((r) => ({ r, programme }))));
  // One project per far-away division, so that the unrelated results are unrelated to each other as well: twelve
  // abstracts from one field (say mathematics) would form a real group of their own, not twelve outliers.
  const used = new Set(NSF_SETS.flatMap((d) => d.divisions));
  const farDivisions = [...new Set(projects.map((p) => p.division))]
    .filter((d) => !used.has(d) && !NEAR_PLANTED_BASE.includes(d))
    .sort((a, b) => (sha1(a) < sha1(b) ? -1 : 1));
  const far = farDivisions
    .map(
      (division) =>
        projects.filter((p) => p.division === division).sort((a, b) => (sha1(a.id) < sha1(b.id) ? -1 : 1))[0],
    )
    .filter((p): p is Award => p !== undefined)
    .slice(0, UNRELATED);
  const unrelated = far.flatMap((p) => resultsOf(p, true));
  const definition = {
    name: "nsf-planted",
    field: `planted: the groups of ${PLANTED_BASE} plus ${UNRELATED} unrelated results, each from another NSF division`,
    heldOut: false,
  };
  const set = fixture(
    `NSF planted workshop (${PLANTED_BASE} groups + unrelated results)`,
    definition,
    [...rows.map(({ r }) => r), ...unrelated],
    Object.fromEntries([
      ...rows.map(({ r, programme }) => [r.id, programme]),
      ...unrelated.map((r) => [r.id, `unrelated:${r.id}`]),
    ]),
    [...groups.flatMap(([, list]) => list), ...far],
  );
  return { ...set, unrelated: unrelated.map((r) => r.id) };
}

function fixture(
  name: string,
  definition: { field: string; heldOut: boolean },
  results: DerivedResult[],
  plant: Record<string, string>,
  projects: readonly Award[],
) {
  return {
    workshop: { name },
    heldOut: definition.heldOut,
    field: definition.field,
    projects: projects
      .map((p) => ({ id: `P-${p.id}`, acronym: p.id, title: p.title }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    results,
    interests: [],
    plant,
  };
}

if (import.meta.main) {
  const path = process.argv[2];
  if (!path) {
    console.error("usage: node test/tools/derive-nsf-sets.ts PATH/TO/nsf_awards_FY2026_slim.xlsx");
    process.exit(2);
  }
  const projects = projectsOf(await readAwards(path));
  const out = new URL("../fixtures/real/", import.meta.url);
  mkdirSync(out, { recursive: true });
  const sets = [...NSF_SETS.map((d) => [d.name, deriveNsfSet(d, projects)] as const)];
  sets.push(["nsf-planted", derivePlanted(projects)]);
  mkdirSync(new URL("planted/", out), { recursive: true });
  for (const [name, set] of sets) {
    const file = name === "nsf-planted" ? `planted/${name}.json` : `${name}.json`;
    writeFileSync(new URL(file, out), `${JSON.stringify(set, null, 1)}\n`);
    const groups = new Set(Object.values(set.plant).filter((g) => !g.startsWith("unrelated:"))).size;
    console.log(`${name}: ${set.results.length} results, ${set.projects.length} projects, ${groups} groups`);
  }
}
