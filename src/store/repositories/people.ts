import type { Person } from "../../core/model/domain.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";

export interface PlatformProfile {
  displayName: string;
  email?: string | null;
  timezone?: string | null;
}

export interface PlatformPerson extends Person {
  externalId: string;
}

export function peopleRepository(prisma: PrismaClient) {
  return {
    /** The person behind a platform user id, created on first sight; the profile refreshes name, email and timezone. */
    async ensure(workspaceId: string, externalId: string, profile?: PlatformProfile): Promise<Person> {
      const existing = await prisma.platformUser.findUnique({
        where: { workspaceId_externalId: { workspaceId, externalId } },
        include: { person: true },
      });
      if (existing) {
        if (!profile) return existing.person;
        return prisma.person.update({ where: { id: existing.personId }, data: profileData(profile) });
      }
      return prisma.$transaction(async (tx) => {
        const person = await tx.person.create({ data: { displayName: externalId, ...profileData(profile) } });
        await tx.platformUser.upsert({
          where: { workspaceId_externalId: { workspaceId, externalId } },
          create: { workspaceId, externalId, personId: person.id },
          update: {},
        });
        const owner = await tx.platformUser.findUniqueOrThrow({
          where: { workspaceId_externalId: { workspaceId, externalId } },
        });
        return owner.personId === person.id ? person : tx.person.findUniqueOrThrow({ where: { id: owner.personId } });
      });
    },

    async ensureMany(workspaceId: string, externalIds: string[]): Promise<Person[]> {
      const people: Person[] = [];
      for (const externalId of [...new Set(externalIds)]) people.push(await this.ensure(workspaceId, externalId));
      return people;
    },

    find(personId: string): Promise<Person | null> {
      return prisma.person.findUnique({ where: { id: personId } });
    },

    /** People of one workspace whose email is `email` (case-insensitive), with their platform user id. */
    async findByEmail(workspaceId: string, email: string): Promise<PlatformPerson[]> {
      const rows = await prisma.platformUser.findMany({
        where: { workspaceId, person: { email: { equals: email, mode: "insensitive" } } },
        include: { person: true },
      });
      return rows.map((row) => ({ ...row.person, externalId: row.externalId }));
    },

    /** Platform user ids of people in one workspace, keyed by person id. */
    async externalIds(workspaceId: string, personIds: string[]): Promise<Map<string, string>> {
      const rows = await prisma.platformUser.findMany({ where: { workspaceId, personId: { in: personIds } } });
      return new Map(rows.map((row) => [row.personId, row.externalId]));
    },

    /** Refreshes name, email and timezone from the platform profile. */
    /** Name, email and timezone as the platform profile gives them, read at `readAt`. */
    updateProfile(personId: string, profile: PlatformProfile, readAt: Date): Promise<Person> {
      return prisma.person.update({
        where: { id: personId },
        data: { ...profileData(profile), profileReadAt: readAt },
      });
    },

    setAwayUntil(personId: string, awayUntil: Date | null): Promise<Person> {
      return prisma.person.update({ where: { id: personId }, data: { awayUntil } });
    },

    /** Whether the person receives the per-project summaries (off: they asked not to). */
    async setSummariesOff(personId: string, off: boolean): Promise<void> {
      await prisma.person.update({ where: { id: personId }, data: { summariesOff: off } });
    },

    /** Of these people, the ones who asked not to receive the per-project summaries. */
    async withSummariesOff(personIds: string[]): Promise<Set<string>> {
      const rows = await prisma.person.findMany({
        where: { id: { in: personIds }, summariesOff: true },
        select: { id: true },
      });
      return new Set(rows.map((row) => row.id));
    },
  };
}

function profileData(profile: PlatformProfile | undefined) {
  if (!profile) return {};
  return {
    displayName: profile.displayName,
    ...(profile.email !== undefined ? { email: profile.email } : {}),
    ...(profile.timezone !== undefined ? { timezone: profile.timezone } : {}),
  };
}
