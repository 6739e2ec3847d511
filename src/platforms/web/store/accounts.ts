// People of the browser workspace: a Person, its PlatformUser (id = externalId) and a WebAccount with a unique name.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../../generated/prisma/client.ts";
import type { WirePerson } from "../protocol.ts";
import { isDuplicate } from "./errors.ts";

export class NameTakenError extends Error {
  constructor(name: string) {
    super(`Someone called "${name}" is already in this workspace.`);
    this.name = "NameTakenError";
  }
}

/** Names are compared without case and extra spaces: "Ana  Lima" and "ana lima" are one person. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

const withPerson = { user: { include: { person: true } } } as const;

type AccountRow = { userId: string; user: { person: { displayName: string; timezone: string | null } } };

function toPerson(row: AccountRow): WirePerson {
  return { id: row.userId, name: row.user.person.displayName, timezone: row.user.person.timezone };
}

export function accountRepository(prisma: PrismaClient, workspaceId: string) {
  return {
    async list(): Promise<WirePerson[]> {
      const rows = await prisma.webAccount.findMany({ where: { workspaceId }, include: withPerson });
      return rows.map(toPerson).sort((a, b) => a.name.localeCompare(b.name));
    },

    async find(userId: string): Promise<WirePerson | null> {
      const row = await prisma.webAccount.findFirst({ where: { userId, workspaceId }, include: withPerson });
      return row ? toPerson(row) : null;
    },

    async findByName(name: string): Promise<WirePerson | null> {
      const row = await prisma.webAccount.findUnique({
        where: { workspaceId_nameKey: { workspaceId, nameKey: nameKey(name) } },
        include: withPerson,
      });
      return row ? toPerson(row) : null;
    },

    /** A new person; the name must be free (NameTakenError otherwise). */
    async create(name: string): Promise<WirePerson> {
      const displayName = name.trim().replace(/\s+/g, " ");
      const id = randomUUID();
      try {
        await prisma.$transaction(async (tx) => {
          const person = await tx.person.create({ data: { displayName } });
          await tx.platformUser.create({ data: { id, externalId: id, workspaceId, personId: person.id } });
          await tx.webAccount.create({ data: { userId: id, workspaceId, nameKey: nameKey(displayName) } });
        });
      } catch (error) {
        if (isDuplicate(error)) throw new NameTakenError(displayName);
        throw error;
      }
      return { id, name: displayName, timezone: null };
    },

    /** The person with this name, created if there is none (invites by name). */
    async ensure(name: string): Promise<{ person: WirePerson; created: boolean }> {
      const existing = await this.findByName(name);
      if (existing) return { person: existing, created: false };
      try {
        return { person: await this.create(name), created: true };
      } catch (error) {
        const raced = error instanceof NameTakenError ? await this.findByName(name) : null;
        if (raced) return { person: raced, created: false };
        throw error;
      }
    },

    /** The browser tells us its time zone; reminders follow it. */
    async setTimezone(userId: string, timezone: string): Promise<void> {
      const user = await prisma.platformUser.findUnique({ where: { id: userId } });
      if (user) await prisma.person.update({ where: { id: user.personId }, data: { timezone } });
    },
  };
}

export type AccountRepository = ReturnType<typeof accountRepository>;
