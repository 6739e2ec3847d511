// Test workshops for reminder tests and the benchmark: people in the store and in the Slack stand-in, projects with
// complete or empty homework, a deadline and a cadence.
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import type { AppDependencies } from "../../src/app/context.ts";
import { createChannels } from "../../src/app/platform/channels.ts";
import { createNotifier, platformAccounts } from "../../src/app/platform/notifier.ts";
import type { PlatformLink } from "../../src/app/ports/platform.ts";
import type { ReminderDependencies } from "../../src/app/reminders/dependencies.ts";
import type { Clock } from "../../src/core/reminders/clock.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createSlackLink } from "../../src/platforms/slack/web-api/link.ts";
import type { Repositories } from "../../src/store/repositories/index.ts";
import type { SlackStandIn } from "../standins/slack/index.ts";

export const teamId = "T0TEAM00001";
export const botUserId = "U0BOT000001";
export const silentLogger = pino({ level: "silent" });

/** A clock tests move by hand. */
export interface ManualClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | string): ManualClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(at) {
      current = new Date(at);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

export interface PersonSeed {
  name: string;
  /** The Slack profile's zone; `storeTimezone: false` leaves it unknown to the store (looked up at send time). */
  tz: string;
  storeTimezone?: boolean;
}

export interface ProjectSeed {
  acronym: string;
  /** Indexes into `people`. */
  members: number[];
  complete?: boolean;
}

export interface WorkshopSeed {
  name?: string;
  timezone?: string;
  deadline: Date | string;
  cadence?: number[];
  facilitator: PersonSeed;
  people: PersonSeed[];
  projects: ProjectSeed[];
}

export interface SeededWorkshop {
  workspaceId: string;
  workshopId: string;
  facilitatorId: string;
  /** Person ids, in `people` order. */
  personIds: string[];
  /** Slack user ids, in `people` order. */
  userIds: string[];
  facilitatorUserId: string;
  projectIds: Map<string, string>;
}

/** Seeds the store directly with Prisma (fast for thousands of people) and the stand-in with the same users. */
export async function seedWorkshop(
  prisma: PrismaClient,
  repos: Repositories,
  slack: SlackStandIn,
  seed: WorkshopSeed,
): Promise<SeededWorkshop> {
  const workspace = await repos.workspaces.ensure("slack", teamId, "Stand-in");
  const prefix = randomUUID().slice(0, 8);
  const facilitatorUserId = `UF${prefix.toUpperCase()}`.replace(/-/g, "");
  slack.state.addUser({ id: facilitatorUserId, name: seed.facilitator.name, tz: seed.facilitator.tz });
  const facilitator = await repos.people.ensure(workspace.id, facilitatorUserId, {
    displayName: seed.facilitator.name,
    timezone: seed.facilitator.storeTimezone === false ? null : seed.facilitator.tz,
  });
  const people = seed.people.map((person, index) => ({
    id: randomUUID(),
    userId: `U${prefix.toUpperCase()}${String(index).padStart(5, "0")}`,
    ...person,
  }));
  for (const person of people) slack.state.addUser({ id: person.userId, name: person.name, tz: person.tz });
  await prisma.person.createMany({
    data: people.map((person) => ({
      id: person.id,
      displayName: person.name,
      timezone: person.storeTimezone === false ? null : person.tz,
    })),
  });
  await prisma.platformUser.createMany({
    data: people.map((person) => ({ workspaceId: workspace.id, externalId: person.userId, personId: person.id })),
  });
  // A workspace has one open workshop at a time: the previous test's is closed, as a facilitator would.
  const previous = await repos.workshops.current(workspace.id);
  if (previous) await repos.workshops.setPhase(previous.id, "closed");
  const workshop = await repos.workshops.create(
    workspace.id,
    {
      name: seed.name ?? `Workshop ${prefix}`,
      timezone: seed.timezone ?? "Europe/Brussels",
      homeworkDeadline: new Date(seed.deadline),
      ...(seed.cadence ? { reminderCadenceDays: seed.cadence } : {}),
    },
    facilitator.id,
  );
  await repos.workshops.setPhase(workshop.id, "homework");
  const projectIds = new Map<string, string>();
  for (const project of seed.projects) {
    const created = await repos.projects.create(workshop.id, {
      acronym: project.acronym,
      title: `${project.acronym} project`,
      partners: ["Partner A"],
      memberIds: project.members.map((index) => people[index]?.id ?? ""),
    });
    projectIds.set(project.acronym, created.id);
  }
  for (const project of seed.projects.filter((candidate) => candidate.complete)) {
    await completeHomework(repos, projectIds.get(project.acronym) ?? "", projectIds);
  }
  return {
    workspaceId: workspace.id,
    workshopId: workshop.id,
    facilitatorId: facilitator.id,
    personIds: people.map((person) => person.id),
    userIds: people.map((person) => person.userId),
    facilitatorUserId,
    projectIds,
  };
}

/** One fully characterised, submitted result and one interest in another project's result (or its own). */
export async function completeHomework(
  repos: Repositories,
  projectId: string,
  projectIds: Map<string, string>,
): Promise<void> {
  const [result] = await repos.results.replaceList(projectId, [{ title: "Digital twin" }]);
  if (!result) throw new Error("no result created");
  await repos.results.characterise(
    result.id,
    {
      description: "A twin of the line",
      type: "software",
      keywords: ["twin"],
      usp: "fast",
      trlNow: 5,
      trlExpected: 7,
      owners: ["Partner A"],
      iprWithin: "foreground, owned by Partner A",
      iprProtection: ["copyright"],
      iprOutside: "no third-party rights",
      targetMarket: "manufacturers",
      timeToMarket: "2 years",
      needs: "a pilot site",
    },
    "submitted",
  );
  const other = [...projectIds.values()].find((id) => id !== projectId) ?? projectId;
  const [target] = await repos.results.listForProject(other);
  const targetId = target?.id ?? result.id;
  await repos.interests.save(projectId, { resultId: targetId, level: "high", kind: "use", note: null });
}

/** The app's collaborators with every workspace reached through `link`. */
export function appDependencies(repos: Repositories, clock: Clock, link: PlatformLink): AppDependencies {
  const accounts = platformAccounts(repos, async () => link);
  return {
    repos,
    clock,
    logger: silentLogger,
    notify: createNotifier(repos, accounts, clock),
    channels: createChannels(repos, accounts),
  };
}

export function reminderDependencies(repos: Repositories, clock: Clock, link: PlatformLink): ReminderDependencies {
  return appDependencies(repos, clock, link);
}

/** Slack's Web API as the bot sees it outside a request, on the stand-in. */
export function standInLink(slack: SlackStandIn): PlatformLink {
  return createSlackLink({ token: slack.botToken, apiUrl: slack.url });
}

/** Bot messages in a user's DM that carry a job tag, as `{ key, text }`. */
export function taggedDirectMessages(slack: SlackStandIn, userId: string): { key: string; text: string }[] {
  return slack.state.messagesIn(slack.state.imWith(userId).id).flatMap((message) => {
    const key = message.metadata?.event_payload.key;
    return typeof key === "string" ? [{ key, text: allText(message) }] : [];
  });
}

/** The message's fallback text and every text in its blocks, joined (what a reader would see). */
export function allText(message: { text: string; blocks?: unknown[] }): string {
  const texts: string[] = [message.text];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) walk(item);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "text" && typeof inner === "string") texts.push(inner);
        else walk(inner);
      }
    }
  };
  walk(message.blocks ?? []);
  return texts.join("\n");
}
