import type {
  ExploitableResult,
  Interest,
  InterestKind,
  InterestLevel,
  Project,
  WorkshopInput,
} from "../../src/core/clustering/index.ts";
import { seededRandom } from "../../src/core/clustering/rng.ts";
import {
  DOMAINS,
  type Domain,
  GENERIC_KEYWORDS,
  GENERIC_NEEDS,
  GENERIC_SENTENCES,
  RESULT_NOUNS,
  RESULT_TYPES,
  TECHNOLOGIES,
  type Technology,
} from "./vocabulary.ts";

export interface GeneratorOptions {
  results: number;
  clusters: number;
  seed: number;
  /** Share of results that belong to no planted cluster (default 0.05). */
  outliers?: number;
}

/** A synthetic workshop and its planted answer: result id → cluster name (outliers get a name of their own). */
export interface SyntheticWorkshop {
  workshop: WorkshopInput;
  plant: Record<string, string>;
}

interface Topic {
  domain: Domain;
  tech: Technology;
}

type Random = () => number;

export function generateWorkshop(options: GeneratorOptions): SyntheticWorkshop {
  const random = seededRandom(options.seed);
  const outlierCount = Math.round(options.results * (options.outliers ?? 0.05));
  const topics = pickTopics(random, options.clusters + outlierCount);
  const sizes = clusterSizes(random, options.results - outlierCount, options.clusters);
  const plan = sizes.flatMap((size, c) =>
    Array.from({ length: size }, () => ({ topic: topics[c]!, cluster: `k${c + 1}` })),
  );
  for (let o = 0; o < outlierCount; o++)
    plan.push({ topic: topics[options.clusters + o]!, cluster: `outlier${o + 1}` });
  const projects = makeProjects(random, Math.max(2, Math.round(options.results / 2.5)));
  const owners = assignProjects(random, plan, projects);
  const results = plan.map((p, i) => describeResult(random, `R${i + 1}`, owners[i]!, p.topic));
  plantComplements(random, results, plan);
  const interests = makeInterests(random, results, plan);
  const order = shuffle(
    random,
    results.map((_, i) => i),
  );
  return {
    workshop: {
      workshop: { name: `Synthetic workshop (${options.results} results, seed ${options.seed})` },
      projects: projects.map(({ home: _home, ...p }) => p),
      results: order.map((i) => results[i]!),
      interests,
    },
    plant: Object.fromEntries(plan.map((p, i) => [`R${i + 1}`, p.cluster])),
  };
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function shuffle<T>(random: Random, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function pickTopics(random: Random, count: number): Topic[] {
  const all = DOMAINS.flatMap((domain) => TECHNOLOGIES.map((tech) => ({ domain, tech })));
  const chosen = shuffle(random, all);
  return Array.from({ length: count }, (_, i) => chosen[i % chosen.length]!);
}

function clusterSizes(random: Random, total: number, clusters: number): number[] {
  const raw = Array.from({ length: clusters }, () => 0.5 + random());
  const sum = raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((r) => Math.max(3, Math.round((r / sum) * total)));
  let excess = sizes.reduce((a, b) => a + b, 0) - total;
  for (let c = 0; excess !== 0 && c < clusters * 10; c++) {
    const k = c % clusters;
    if (excess > 0 && sizes[k]! > 3) {
      sizes[k]!--;
      excess--;
    } else if (excess < 0) {
      sizes[k]!++;
      excess++;
    }
  }
  return sizes;
}

function makeProjects(random: Random, count: number): (Project & { home: Domain })[] {
  const syllables = [
    "al",
    "be",
    "tri",
    "no",
    "vo",
    "ka",
    "ze",
    "ri",
    "xo",
    "lu",
    "mi",
    "ster",
    "gen",
    "qua",
    "dor",
    "pha",
  ];
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    let acronym = "";
    while (acronym === "" || used.has(acronym))
      acronym = (pick(random, syllables) + pick(random, syllables) + pick(random, syllables)).toUpperCase();
    used.add(acronym);
    const home = pick(random, DOMAINS);
    return {
      id: `P${i + 1}`,
      acronym,
      title: `${acronym}: innovation for ${home.name}`,
      summary: `${acronym} works with ${pick(random, home.users)}.`,
      home,
    };
  });
}

// Projects tend to work in one domain, so most of a project's results share a domain but not a cluster.
function assignProjects(
  random: Random,
  plan: { topic: Topic; cluster: string }[],
  projects: (Project & { home: Domain })[],
): string[] {
  const owners = plan.map((p) => {
    const local = projects.filter((q) => q.home === p.topic.domain);
    return (random() < 0.6 && local.length ? pick(random, local) : pick(random, projects)).id;
  });
  const byCluster = membersByCluster(plan);
  for (const members of byCluster.values()) {
    if (members.length > 1 && new Set(members.map((i) => owners[i])).size < 2)
      owners[members[1]!] = projects.find((q) => q.id !== owners[members[0]!])!.id;
  }
  return owners;
}

function describeResult(random: Random, id: string, project: string, topic: Topic): ExploitableResult {
  const { domain, tech } = topic;
  const techName = pick(random, tech.names);
  const object = pick(random, domain.objects);
  const sentences = [
    pick(random, [
      `${cap(techName)} that ${pick(random, tech.verbs)} ${object} in ${pick(random, domain.settings)}.`,
      `This ${pick(random, RESULT_NOUNS)} applies ${techName} to ${object}, helping ${pick(random, domain.users)} reduce ${pick(random, domain.words)} problems.`,
      `We combine ${pick(random, tech.artefacts)} with ${pick(random, tech.names)} so that ${pick(random, domain.users)} can manage ${object} better.`,
    ]),
    pick(random, [
      `It relies on ${pick(random, tech.artefacts)} and ${pick(random, tech.words)} to handle ${pick(random, domain.words)}.`,
      `Tested with ${pick(random, domain.users)}, it addresses ${pick(random, domain.words)} and ${pick(random, domain.words)}.`,
      `The ${pick(random, tech.words)} are analysed to support ${pick(random, domain.users)}.`,
    ]),
  ];
  if (random() < 0.7) sentences.push(pick(random, GENERIC_SENTENCES));
  if (random() < 0.3) sentences.push(pick(random, GENERIC_SENTENCES));
  return {
    id,
    project,
    title: pick(random, [
      `${cap(techName)} for ${object}`,
      `${cap(pick(random, tech.words))} ${pick(random, RESULT_NOUNS)} for ${domain.name}`,
      `Smart ${pick(random, RESULT_NOUNS)} for ${pick(random, domain.users)}`,
    ]),
    description: shuffle(random, sentences).join(" "),
    keywords: keywordsFor(random, topic),
    type: pick(random, RESULT_TYPES),
    trl: 3 + Math.floor(random() * 6),
    usp:
      random() < 0.5
        ? `First ${pick(random, tech.names)} solution designed for ${pick(random, domain.users)}.`
        : undefined,
    market: random() < 0.6 ? `${cap(pick(random, domain.users))} in Europe` : undefined,
    needs: random() < 0.5 ? pick(random, GENERIC_NEEDS) : undefined,
  };
}

function keywordsFor(random: Random, topic: Topic): string[] | undefined {
  if (random() < 0.3) return undefined;
  const pool = [...topic.tech.names, ...topic.tech.words, ...topic.domain.words, topic.domain.name];
  const keywords = new Set<string>();
  const count = 2 + Math.floor(random() * 3);
  while (keywords.size < count) keywords.add(pick(random, pool));
  if (random() < 0.4) keywords.add(pick(random, GENERIC_KEYWORDS));
  return [...keywords];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface ComplementPattern {
  need: (d: Domain) => string;
  offer: (d: Domain, random: Random) => Pick<ExploitableResult, "title" | "description" | "type">;
}

// Need ↔ offer pairs written so that the two texts share few words: the link is in what one lacks and the other has.
const PATTERNS: ComplementPattern[] = [
  {
    need: (d) => `We still have to try it under real operating conditions with ${d.users[0]}.`,
    offer: (d, random) => ({
      title: `Living lab in ${pick(random, d.settings)}`,
      description: `An experimentation facility where external teams can run field trials with ${d.users[1] ?? d.users[0]}; fully instrumented and open to ${d.name} pilots.`,
      type: "testbed",
    }),
  },
  {
    need: () => "Large amounts of labelled examples to train and benchmark the models.",
    offer: (d, random) => ({
      title: `Open ${d.name} data collection`,
      description: `A curated database of ${pick(random, d.objects)} records gathered over three years, with ground truth from ${d.users[0]}.`,
      type: "dataset",
    }),
  },
  {
    need: () => "A way to deploy it at scale and hook it into operators' IT systems.",
    offer: (d) => ({
      title: `Cloud middleware for ${d.name}`,
      description: `Hosted infrastructure with open APIs and an app marketplace, already used by ${d.users[0]}.`,
      type: "platform",
    }),
  },
  {
    need: () => "A partner able to produce it in large series at a competitive price.",
    offer: (d) => ({
      title: `Pilot line for ${d.name} components`,
      description: `Contract fabrication and upscaling services from prototypes to thousands of units, for ${d.users[0]}.`,
      type: "process",
    }),
  },
];

/** In about half the clusters of four or more, rewrite one result as an offer that meets another's need. */
function plantComplements(
  random: Random,
  results: ExploitableResult[],
  plan: { topic: Topic; cluster: string }[],
): void {
  const byCluster = membersByCluster(plan);
  for (const members of byCluster.values()) {
    if (members.length < 4 || random() < 0.5) continue;
    const [needer, offerer] = [members[0]!, members[members.length - 1]!];
    if (results[needer]!.project === results[offerer]!.project) continue;
    const pattern = pick(random, PATTERNS);
    const domain = plan[needer]!.topic.domain;
    results[needer] = { ...results[needer]!, needs: pattern.need(domain) };
    results[offerer] = {
      ...results[offerer]!,
      ...pattern.offer(domain, random),
      keywords: random() < 0.5 ? [domain.name] : undefined,
      usp: undefined,
    };
  }
}

const LEVELS: InterestLevel[] = ["low", "medium", "medium", "high"];
const KINDS: InterestKind[] = ["use", "co-develop", "integrate", "validate", "license", "joint-exploitation"];

/** Interests mostly inside planted clusters, some at random (people also follow curiosity). */
function makeInterests(random: Random, results: ExploitableResult[], plan: { cluster: string }[]): Interest[] {
  const byCluster = membersByCluster(plan);
  const interests = new Map<string, Interest>();
  const add = (from: number, to: number) => {
    const project = results[from]!.project;
    const result = results[to]!.id;
    if (project === results[to]!.project) return;
    interests.set(`${project}|${result}`, { project, result, level: pick(random, LEVELS), kind: pick(random, KINDS) });
  };
  for (const members of byCluster.values()) {
    for (let t = 0; t < members.length * 0.6; t++) add(pick(random, members), pick(random, members));
  }
  for (let t = 0; t < results.length * 0.15; t++)
    add(Math.floor(random() * results.length), Math.floor(random() * results.length));
  return [...interests.values()];
}

function membersByCluster(plan: readonly { cluster: string }[]): Map<string, number[]> {
  const byCluster = new Map<string, number[]>();
  plan.forEach((p, i) => {
    const members = byCluster.get(p.cluster) ?? [];
    members.push(i);
    byCluster.set(p.cluster, members);
  });
  return byCluster;
}
