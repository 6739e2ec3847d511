import type { EditRequest, EditStamp, Workshop, WorkshopPhase } from "../../core/model/domain.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { StaleEditError } from "../errors.ts";

export interface WorkshopFields {
  name: string;
  theme?: string | null;
  timezone?: string;
  homeworkDeadline?: Date | null;
  maxResultsPerProject?: number;
  reminderCadenceDays?: number[];
  announcementChannelId?: string | null;
}

export function workshopRepository(prisma: PrismaClient) {
  return {
    /**
     * Creates the workspace's open workshop with its first facilitator. The database decides who is first: while
     * another workshop is open here the insert fails with a unique violation on (workspaceId, openSlot).
     */
    create(workspaceId: string, fields: WorkshopFields, ownerPersonId: string): Promise<Workshop> {
      return prisma.workshop.create({
        data: {
          workspaceId,
          ...fields,
          facilitators: { create: { personId: ownerPersonId, isOwner: true } },
        },
      });
    },

    update(workshopId: string, fields: Partial<WorkshopFields>): Promise<Workshop> {
      return prisma.workshop.update({ where: { id: workshopId }, data: fields });
    },

    /** The version of the setup form's fields, and who saved them last. */
    async setupStamp(workshopId: string): Promise<EditStamp> {
      const row = await prisma.workshop.findUniqueOrThrow({
        where: { id: workshopId },
        select: { setupVersion: true, setupEditedById: true, setupEditedAt: true },
      });
      return { version: row.setupVersion, editedById: row.setupEditedById, editedAt: row.setupEditedAt };
    },

    /**
     * Saves the setup form's fields only if they are still at `edit.expected`, in one conditional update (of two
     * concurrent saves from the same version, one wins); else nothing is written and StaleEditError is thrown.
     */
    async saveSetup(workshopId: string, fields: Partial<WorkshopFields>, edit: EditRequest): Promise<Workshop> {
      const saved = await prisma.workshop.updateMany({
        where: { id: workshopId, setupVersion: edit.expected },
        data: { ...fields, setupVersion: { increment: 1 }, setupEditedById: edit.by, setupEditedAt: edit.at },
      });
      if (saved.count === 0) throw new StaleEditError(await this.setupStamp(workshopId));
      return prisma.workshop.findUniqueOrThrow({ where: { id: workshopId } });
    },

    setPhase(workshopId: string, phase: WorkshopPhase): Promise<Workshop> {
      // A closed workshop frees the workspace's slot for the next one.
      const openSlot = phase === "closed" ? null : undefined;
      return prisma.workshop.update({ where: { id: workshopId }, data: { phase, openSlot } });
    },

    find(workshopId: string): Promise<Workshop | null> {
      return prisma.workshop.findUnique({ where: { id: workshopId } });
    },

    /** The workspace's current workshop: the newest one that is not closed. */
    current(workspaceId: string): Promise<Workshop | null> {
      return prisma.workshop.findFirst({
        where: { workspaceId, openSlot: true, phase: { not: "closed" } },
        orderBy: { createdAt: "desc" },
      });
    },

    findByName(workspaceId: string, name: string): Promise<Workshop | null> {
      return prisma.workshop.findUnique({ where: { workspaceId_name: { workspaceId, name } } });
    },

    async setFacilitators(workshopId: string, personIds: string[]): Promise<void> {
      await prisma.$transaction([
        prisma.workshopFacilitator.deleteMany({
          where: { workshopId, isOwner: false, personId: { notIn: personIds } },
        }),
        prisma.workshopFacilitator.createMany({
          data: personIds.map((personId) => ({ workshopId, personId })),
          skipDuplicates: true,
        }),
      ]);
    },

    /**
     * Makes `toPersonId` the workshop's owner (a facilitator); the previous owner stays a co-facilitator only with
     * `keepPrevious`. Co-facilitators are untouched. Returns the previous owners' person ids.
     */
    async handOver(workshopId: string, toPersonId: string, keepPrevious: boolean): Promise<string[]> {
      return prisma.$transaction(async (tx) => {
        const owners = await tx.workshopFacilitator.findMany({ where: { workshopId, isOwner: true } });
        const previous = owners.map((row) => row.personId).filter((id) => id !== toPersonId);
        if (keepPrevious)
          await tx.workshopFacilitator.updateMany({
            where: { workshopId, personId: { in: previous } },
            data: { isOwner: false },
          });
        else await tx.workshopFacilitator.deleteMany({ where: { workshopId, personId: { in: previous } } });
        await tx.workshopFacilitator.upsert({
          where: { workshopId_personId: { workshopId, personId: toPersonId } },
          create: { workshopId, personId: toPersonId, isOwner: true },
          update: { isOwner: true },
        });
        return previous;
      });
    },

    async facilitatorIds(workshopId: string): Promise<string[]> {
      const rows = await prisma.workshopFacilitator.findMany({ where: { workshopId }, orderBy: { createdAt: "asc" } });
      return rows.map((row) => row.personId);
    },

    async isFacilitator(workshopId: string, personId: string): Promise<boolean> {
      const row = await prisma.workshopFacilitator.findUnique({
        where: { workshopId_personId: { workshopId, personId } },
      });
      return row !== null;
    },
  };
}
