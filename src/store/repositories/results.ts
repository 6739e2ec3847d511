import type {
  EditRequest,
  EditStamp,
  ExploitableResult,
  ResultCharacterisation,
  ResultStatus,
} from "../../core/model/domain.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { StaleEditError } from "../errors.ts";

export interface ResultListItem {
  id?: string;
  title: string;
}

const withOwners = { owners: { orderBy: { name: "asc" } } } as const;
type ResultRow = Prisma.ExploitableResultGetPayload<{ include: typeof withOwners }>;

function toResult(row: ResultRow): ExploitableResult {
  const {
    owners,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    version: _version,
    editedById: _editedById,
    editedAt: _editedAt,
    ...rest
  } = row;
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

    /** The version of the project's list of results, and who saved it last. */
    async listStamp(projectId: string): Promise<EditStamp> {
      const row = await prisma.project.findUniqueOrThrow({
        where: { id: projectId },
        select: { resultsVersion: true, resultsEditedById: true, resultsEditedAt: true },
      });
      return { version: row.resultsVersion, editedById: row.resultsEditedById, editedAt: row.resultsEditedAt };
    },

    /** The version of a result's characterisation, and who saved it last. */
    async stamp(resultId: string): Promise<EditStamp | null> {
      const row = await prisma.exploitableResult.findUnique({
        where: { id: resultId },
        select: { version: true, editedById: true, editedAt: true },
      });
      return row;
    },

    /**
     * Makes the project's result list exactly `items`, in that order: known ids are renamed, new titles created,
     * results left out are removed. The per-project limit is the app's rule, checked before this is called.
     * With `edit`, only if the list is still at `edit.expected` (checked and bumped in one conditional update, so
     * of two concurrent saves from the same version one wins); else nothing is written and StaleEditError thrown.
     */
    async replaceList(projectId: string, items: ResultListItem[], edit?: EditRequest): Promise<ExploitableResult[]> {
      await prisma.$transaction(async (tx) => {
        const bumped = await tx.project.updateMany({
          where: { id: projectId, ...(edit ? { resultsVersion: edit.expected } : {}) },
          data: {
            resultsVersion: { increment: 1 },
            resultsEditedById: edit?.by ?? null,
            resultsEditedAt: edit?.at ?? new Date(),
          },
        });
        if (bumped.count === 0) {
          const row = await tx.project.findUniqueOrThrow({
            where: { id: projectId },
            select: { resultsVersion: true, resultsEditedById: true, resultsEditedAt: true },
          });
          throw new StaleEditError({
            version: row.resultsVersion,
            editedById: row.resultsEditedById,
            editedAt: row.resultsEditedAt,
          });
        }
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

    /** Saves a characterisation; with `edit`, only if it is still at `edit.expected` (else StaleEditError). */
    async characterise(
      resultId: string,
      fields: ResultCharacterisation,
      status: ResultStatus,
      edit?: EditRequest,
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
      const updated = await prisma.$transaction(async (tx) => {
        const bumped = await tx.exploitableResult.updateMany({
          where: { id: resultId, ...(edit ? { version: edit.expected } : {}) },
          data: { version: { increment: 1 }, editedById: edit?.by ?? null, editedAt: edit?.at ?? new Date() },
        });
        if (bumped.count === 0) {
          const current = await tx.exploitableResult.findUniqueOrThrow({
            where: { id: resultId },
            select: { version: true, editedById: true, editedAt: true },
          });
          throw new StaleEditError(current);
        }
        return tx.exploitableResult.update({
          where: { id: resultId },
          data: { ...columns, status, owners: { set: owners } },
          include: withOwners,
        });
      });
      return toResult(updated);
    },
  };
}
