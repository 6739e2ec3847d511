// `npm run demo`: a workshop written for this project (demo/workshop.json), seeded into the browser workspace on its
// own PGlite folder, analysed through the core as its facilitator asked for it, and left running for a person to
// review, approve, announce, open the working groups and download the report.
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { importIntoWorkshop } from "../app/import/import-workshop.ts";
import type { ReportInput } from "../core/report/input.ts";
import { readRecordFiles } from "../io/workshop-records/read.ts";
import { lockDataDir } from "../store/data-dir-lock.ts";
import type { Repositories } from "../store/repositories/index.ts";
import { adminKeyPath } from "./web-workspace.ts";

export const demoWorkshopFile = fileURLToPath(new URL("../../demo/workshop.json", import.meta.url));
export const demoFacilitator = "Fran Moreau";
const day = 24 * 60 * 60 * 1000;

export async function readDemoWorkshop(): Promise<ReportInput> {
  return (await readRecordFiles([demoWorkshopFile])).input;
}

/** What seeding needs of the running workspace: its people, its #general, and the core's record of it. */
export interface DemoWorkspace {
  repos: Repositories;
  /** The core's workspace id for the browser workspace. */
  workspaceId: string;
  generalChannelId: string;
  ensurePerson(name: string): Promise<{ id: string }>;
}

export interface SeededDemo {
  workshopId: string;
  workshopName: string;
  /** The browser workspace's ids of the facilitator and of every member, by name. */
  people: Map<string, string>;
}

/**
 * The facilitator and every project member as people of the workspace; the workshop (homework open, its deadline in
 * three days, announcements in #general); then projects, partners, members, homework and interests through the
 * core's import use case, as `clusterbot import` writes them.
 */
export async function seedDemo(target: DemoWorkspace, input: ReportInput, now = new Date()): Promise<SeededDemo> {
  const { repos } = target;
  const names = [demoFacilitator, ...input.projects.flatMap((project) => project.members.map((m) => m.name ?? ""))];
  const people = new Map<string, string>();
  for (const name of names.filter(Boolean)) people.set(name, (await target.ensurePerson(name)).id);
  const facilitator = await repos.people.ensure(target.workspaceId, people.get(demoFacilitator)!);
  const workshop = await repos.workshops.create(
    target.workspaceId,
    {
      name: input.workshop.name,
      theme: input.workshop.theme ?? null,
      timezone: input.workshop.timezone ?? "Europe/Brussels",
      homeworkDeadline: new Date(now.getTime() + 3 * day),
      maxResultsPerProject: 4,
      announcementChannelId: target.generalChannelId,
    },
    facilitator.id,
  );
  await repos.workshops.setPhase(workshop.id, "homework");
  const withIds: ReportInput = {
    ...input,
    projects: input.projects.map((project) => ({
      ...project,
      members: project.members.map((member) => ({ ...member, platformUser: people.get(member.name ?? "") })),
    })),
  };
  const outcome = await importIntoWorkshop(repos, workshop.id, withIds);
  if (!outcome.ok) throw new Error(`the demo workshop does not import: ${JSON.stringify(outcome.issues)}`);
  return { workshopId: workshop.id, workshopName: workshop.name, people };
}

/** Waits until the analysis the facilitator asked for has become the review. */
export async function reviewReady(repos: Repositories, workshopId: string, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await repos.reviews.review(workshopId))) {
    if (Date.now() > until) throw new Error("the demo's analysis did not finish in time");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The demo's own data folder, emptied (each run starts from the same workshop); refused while a process uses it. */
export async function resetDemoFolder(dataDir: string): Promise<void> {
  const lock = await lockDataDir(dataDir);
  try {
    for (const path of [dataDir, adminKeyPath(dataDir)]) await rm(path, { recursive: true, force: true });
  } finally {
    await lock.release();
  }
}
