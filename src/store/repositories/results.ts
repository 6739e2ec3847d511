import type { ExploitableResult, ResultStatus } from "../../core/model/domain.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

export interface ResultListItem {
  id?: string;
  title: string;
}

export interface ResultCharacterisation {
  description: string | null;
  type: string | null;
  keywords: string[];
  usp: string | null;
  trlNow: number | null;
  trlExpected: number | null;
  owners: string[];
  iprWithin: string | null;
  iprProtection: string[];
  iprOutside: string | null;
  targetMarket: string | null;
  timeToMarket: string | null;
  needs: string | null;
}

const withOwners = { owners: { orderBy: { name: "asc" } } } as const;
type ResultRow = Prisma.ExploitableResultGetPayload<{ include: typeof withOwners }>;

function toResult(row: ResultRow): ExploitableResult {
  const { owners, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = row;
  return { ...rest, owners: owners.map((owner) => owner.name) };
}

export function resultRepository(prisma: PrismaClient) {
  return {
    async listForProject(projectId: string): Promise<ExploitableResult[]> {
      const rows = await prisma.exploitableResult.findMany({
        where: { projectId },
        include: withOwners,
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      });
      return rows.map(toResult);
    },

    async listForWorkshop(workshopId: string): Promise<ExploitableResult[]> {
      const rows = await prisma.exploitableResult.findMany({
        where: { project: { workshopId } },
        include: withOwners,
        orderBy: [{ projectId: "asc" }, { position: "asc" }],
      });
      return rows.map(toResult);
    },

    async findMany(resultIds: string[]): Promise<ExploitableResult[]> {
      const rows = await prisma.exploitableResult.findMany({ where: { id: { in: resultIds } }, include: withOwners });
      return rows.map(toResult);
    },

    async find(resultId: string): Promise<ExploitableResult | null> {
      const row = await prisma.exploitableResult.findUnique({ where: { id: resultId }, include: withOwners });
      return row ? toResult(row) : null;
    },

    /**
     * Makes the project's result list exactly `items`, in that order: known ids are renamed, new titles created,
     * results left out are removed. The per-project limit is the app's rule, checked before this is called.
     */
    async replaceList(projectId: string, items: ResultListItem[]): Promise<ExploitableResult[]> {
      await prisma.$transaction(async (tx) => {
        const keptIds = items.flatMap((item) => (item.id ? [item.id] : []));
        await tx.exploitableResult.deleteMany({ where: { projectId, id: { notIn: keptIds } } });
        // Titles are unique per project: park renamed rows first so a swap of two titles does not collide.
        for (const id of keptIds) {
          await tx.exploitableResult.update({ where: { id }, data: { title: `(renaming) ${id}` } });
        }
        for (const [position, item] of items.entries()) {
          if (item.id)
            await tx.exploitableResult.update({ where: { id: item.id }, data: { title: item.title, position } });
        }
        const added = [...items.entries()].filter(([, item]) => !item.id);
        if (added.length > 0) {
          await tx.exploitableResult.createMany({
            data: added.map(([position, item]) => ({ projectId, title: item.title, position })),
          });
        }
      });
      return this.listForProject(projectId);
    },

    async characterise(
      resultId: string,
      fields: ResultCharacterisation,
      status: ResultStatus,
    ): Promise<ExploitableResult> {
      const row = await prisma.exploitableResult.findUniqueOrThrow({
        where: { id: resultId },
        select: { projectId: true },
      });
      const owners = await prisma.partnerOrganisation.findMany({
        where: { projectId: row.projectId, name: { in: fields.owners } },
        select: { id: true },
      });
      const { owners: _names, ...columns } = fields;
      const updated = await prisma.exploitableResult.update({
        where: { id: resultId },
        data: { ...columns, status, owners: { set: owners } },
        include: withOwners,
      });
      return toResult(updated);
    },
  };
}
