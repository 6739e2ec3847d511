// People of the browser workspace: a Person, its PlatformUser (id = externalId) and a WebAccount with a unique name.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { isDuplicate } from "./errors.ts";

export interface WebAccountRow {
  id: string;
  name: string;
  timezone: string | null;
}

/** Names are compared without case and extra spaces: "Ana  Lima" and "ana lima" are one person. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

const withPerson = { user: { include: { person: true } } } as const;

type Row = { userId: string; user: { person: { displayName: string; timezone: string | null } } };

function toAccount(row: Row): WebAccountRow {
  return { id: row.userId, name: row.user.person.displayName, timezone: row.user.person.timezone };
}

export function webAccountRepository(prisma: PrismaClient, workspaceId: string) {
  const repository = {
    async list(): Promise<WebAccountRow[]> {
      const rows = await prisma.webAccount.findMany({ where: { workspaceId }, include: withPerson });
      return rows.map(toAccount).sort((a, b) => a.name.localeCompare(b.name));
    },

    async find(userId: string): Promise<WebAccountRow | null> {
      const row = await prisma.webAccount.findFirst({ where: { userId, workspaceId }, include: withPerson });
      return row ? toAccount(row) : null;
    },

    async findByName(name: string): Promise<WebAccountRow | null> {
      const row = await prisma.webAccount.findUnique({
        where: { workspaceId_nameKey: { workspaceId, nameKey: nameKey(name) } },
        include: withPerson,
      });
      return row ? toAccount(row) : null;
    },

    /** A new person; null when the name is taken. */
    async create(name: string): Promise<WebAccountRow | null> {
      const displayName = name.trim().replace(/\s+/g, " ");
      const id = randomUUID();
      try {
        await prisma.$transaction(async (tx) => {
          const person = await tx.person.create({ data: { displayName } });
          await tx.platformUser.create({ data: { id, externalId: id, workspaceId, personId: person.id } });
          await tx.webAccount.create({ data: { userId: id, workspaceId, nameKey: nameKey(displayName) } });
        });
      } catch (error) {
        if (isDuplicate(error)) return null;
        throw error;
      }
      return { id, name: displayName, timezone: null };
    },

    /** The person with this name, created if there is none (invites by name). */
    async ensure(name: string): Promise<{ person: WebAccountRow; created: boolean }> {
      const existing = await repository.findByName(name);
      if (existing) return { person: existing, created: false };
      const created = await repository.create(name);
      if (created) return { person: created, created: true };
      const raced = await repository.findByName(name);
      if (!raced) throw new Error(`"${name}" was taken and then gone`);
      return { person: raced, created: false };
    },

    async setTimezone(userId: string, timezone: string): Promise<void> {
      const user = await prisma.platformUser.findFirst({ where: { id: userId, workspaceId } });
      if (user) await prisma.person.update({ where: { id: user.personId }, data: { timezone } });
    },
  };
  return repository;
}
