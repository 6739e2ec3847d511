import type { Workshop, WorkshopPhase } from "../../core/model/domain.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";

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

    setPhase(workshopId: string, phase: WorkshopPhase): Promise<Workshop> {
      return prisma.workshop.update({ where: { id: workshopId }, data: { phase } });
    },

    find(workshopId: string): Promise<Workshop | null> {
      return prisma.workshop.findUnique({ where: { id: workshopId } });
    },

    /** The workspace's current workshop: the newest one that is not closed. */
    current(workspaceId: string): Promise<Workshop | null> {
      return prisma.workshop.findFirst({
        where: { workspaceId, phase: { not: "closed" } },
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
