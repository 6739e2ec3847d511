import type { Interest, InterestKind, InterestLevel } from "../../core/model/domain.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";

export interface InterestFields {
  resultId: string;
  level: InterestLevel;
  kind: InterestKind;
  note: string | null;
}

export function interestRepository(prisma: PrismaClient) {
  return {
    listForProject(projectId: string): Promise<Interest[]> {
      return prisma.interest.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
    },

    listForWorkshop(workshopId: string): Promise<Interest[]> {
      return prisma.interest.findMany({
        where: { project: { workshopId } },
        orderBy: [{ projectId: "asc" }, { resultId: "asc" }],
      });
    },

    /** One interest per project × result: saving again replaces level, kind and note. */
    save(projectId: string, fields: InterestFields): Promise<Interest> {
      const { resultId, ...rest } = fields;
      return prisma.interest.upsert({
        where: { projectId_resultId: { projectId, resultId } },
        create: { projectId, resultId, ...rest },
        update: rest,
      });
    },

    async remove(projectId: string, resultId: string): Promise<void> {
      await prisma.interest.deleteMany({ where: { projectId, resultId } });
    },
  };
}
