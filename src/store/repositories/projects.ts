import type { Project } from "../../core/model/domain.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

export interface ProjectFields {
  acronym: string;
  title: string;
  summary?: string | null;
  programme?: string | null;
  partners: string[];
  memberIds: string[];
}

const withPeople = { partners: { orderBy: { name: "asc" } }, members: { orderBy: { createdAt: "asc" } } } as const;
type ProjectRow = Prisma.ProjectGetPayload<{ include: typeof withPeople }>;

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    workshopId: row.workshopId,
    acronym: row.acronym,
    title: row.title,
    summary: row.summary,
    programme: row.programme,
    reopenedUntil: row.reopenedUntil,
    partners: row.partners.map((partner) => partner.name),
    memberIds: row.members.map((member) => member.personId),
  };
}

export function projectRepository(prisma: PrismaClient) {
  return {
    async create(workshopId: string, fields: ProjectFields): Promise<Project> {
      const row = await prisma.project.create({
        data: {
          workshopId,
          acronym: fields.acronym,
          title: fields.title,
          summary: fields.summary ?? null,
          programme: fields.programme ?? null,
          partners: { create: [...new Set(fields.partners)].map((name) => ({ name })) },
          members: { create: [...new Set(fields.memberIds)].map((personId) => ({ personId })) },
        },
        include: withPeople,
      });
      return toProject(row);
    },

    /** Replaces the project's fields, partners and members; partners still named keep their results' ownership. */
    async update(projectId: string, fields: ProjectFields): Promise<Project> {
      const partners = [...new Set(fields.partners)];
      const memberIds = [...new Set(fields.memberIds)];
      const row = await prisma.$transaction(async (tx) => {
        await tx.partnerOrganisation.deleteMany({ where: { projectId, name: { notIn: partners } } });
        await tx.partnerOrganisation.createMany({
          data: partners.map((name) => ({ projectId, name })),
          skipDuplicates: true,
        });
        await tx.projectMember.deleteMany({ where: { projectId, personId: { notIn: memberIds } } });
        await tx.projectMember.createMany({
          data: memberIds.map((personId) => ({ projectId, personId })),
          skipDuplicates: true,
        });
        return tx.project.update({
          where: { id: projectId },
          data: {
            acronym: fields.acronym,
            title: fields.title,
            summary: fields.summary ?? null,
            programme: fields.programme ?? null,
          },
          include: withPeople,
        });
      });
      return toProject(row);
    },

    async remove(projectId: string): Promise<void> {
      await prisma.project.delete({ where: { id: projectId } });
    },

    async find(projectId: string): Promise<Project | null> {
      const row = await prisma.project.findUnique({ where: { id: projectId }, include: withPeople });
      return row ? toProject(row) : null;
    },

    async findByAcronym(workshopId: string, acronym: string): Promise<Project | null> {
      const row = await prisma.project.findFirst({
        where: { workshopId, acronym: { equals: acronym, mode: "insensitive" } },
        include: withPeople,
      });
      return row ? toProject(row) : null;
    },

    async list(workshopId: string): Promise<Project[]> {
      const rows = await prisma.project.findMany({
        where: { workshopId },
        include: withPeople,
        orderBy: { acronym: "asc" },
      });
      return rows.map(toProject);
    },

    async ofMember(workshopId: string, personId: string): Promise<Project[]> {
      const rows = await prisma.project.findMany({
        where: { workshopId, members: { some: { personId } } },
        include: withPeople,
        orderBy: { acronym: "asc" },
      });
      return rows.map(toProject);
    },

    async isMember(projectId: string, personId: string): Promise<boolean> {
      const row = await prisma.projectMember.findUnique({ where: { projectId_personId: { projectId, personId } } });
      return row !== null;
    },

    async reopen(projectId: string, until: Date | null): Promise<void> {
      await prisma.project.update({ where: { id: projectId }, data: { reopenedUntil: until } });
    },
  };
}
