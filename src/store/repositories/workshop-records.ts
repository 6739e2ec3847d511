// A whole workshop read in one go (for reports and exports), and spreadsheet imports written in one transaction.
import type { InterestKind, InterestLevel, ResultStatus } from "../../core/model/domain.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

const everything = {
  workspace: true,
  projects: {
    orderBy: { acronym: "asc" },
    include: {
      partners: { orderBy: { name: "asc" } },
      members: {
        orderBy: { createdAt: "asc" },
        include: { person: { include: { identities: { select: { workspaceId: true, externalId: true } } } } },
      },
      results: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        include: { owners: { orderBy: { name: "asc" } } },
      },
      interests: { orderBy: { createdAt: "asc" } },
    },
  },
  clusters: {
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: {
      members: { select: { resultId: true } },
      workPlan: { orderBy: [{ startDate: "asc" }, { createdAt: "asc" }] },
    },
  },
  /** The review's edits (who changed what, when) and the facilitators' names for them. */
  clusterEdits: { orderBy: { createdAt: "asc" } },
  facilitators: { include: { person: { select: { id: true, displayName: true } } } },
} as const satisfies Prisma.WorkshopInclude;

/** A workshop with its projects, partners, members, results, interests, clusters and work-plans. */
export type WorkshopRecordRow = Prisma.WorkshopGetPayload<{ include: typeof everything }>;

export interface WorkshopListing {
  id: string;
  name: string;
  phase: string;
  workspace: string;
  createdAt: Date;
}

export interface ResultColumns {
  description?: string;
  type?: string;
  keywords?: string[];
  usp?: string;
  trlNow?: number;
  trlExpected?: number;
  iprWithin?: string;
  iprProtection?: string[];
  iprOutside?: string;
  targetMarket?: string;
  timeToMarket?: string;
  needs?: string;
  status?: ResultStatus;
}

/** What an import changes; computed by the app from the file and the stored state, applied here at once. */
export interface ImportPlan {
  projects: {
    acronym: string;
    /** Set for an existing project. */
    id?: string;
    fields?: { title?: string; summary?: string; programme?: string };
  }[];
  partners: { acronym: string; name: string; country?: string }[];
  /** New people, known by email only until they first use the chat (see src/app/import/invited-members.ts). */
  invitedPeople: { key: string; displayName: string; email: string }[];
  /** People who have a platform user id but no person yet. */
  platformPeople: { key: string; displayName: string; externalId: string }[];
  /** `person` is a person id or the `key` of a person created above. */
  members: { acronym: string; person: string }[];
  results: {
    acronym: string;
    title: string;
    /** Set for an existing result. */
    id?: string;
    position?: number;
    columns: ResultColumns;
    /** Partner names; replaces the owners when given. */
    owners?: string[];
  }[];
  interests: {
    acronym: string;
    result: { acronym: string; title: string };
    level: InterestLevel;
    kind: InterestKind;
    note?: string;
  }[];
}

export function isEmptyPlan(plan: ImportPlan): boolean {
  return Object.values(plan).every((list) => list.length === 0);
}

export function workshopRecordRepository(prisma: PrismaClient) {
  return {
    load(workshopId: string): Promise<WorkshopRecordRow | null> {
      return prisma.workshop.findUnique({ where: { id: workshopId }, include: everything });
    },

    async list(): Promise<WorkshopListing[]> {
      const rows = await prisma.workshop.findMany({
        orderBy: { createdAt: "asc" },
        include: { workspace: { select: { platform: true, externalId: true, name: true } } },
      });
      return rows.map((w) => ({
        id: w.id,
        name: w.name,
        phase: w.phase,
        workspace: `${w.workspace.platform} ${w.workspace.name ?? w.workspace.externalId}`,
        createdAt: w.createdAt,
      }));
    },

    /** People of this workspace found by email (case-insensitive), chat users first; and who has which user id. */
    async peopleFor(workspaceId: string, emails: string[], externalIds: string[]) {
      const byEmail = emails.length
        ? await prisma.person.findMany({
            where: {
              OR: emails.map((email) => ({ email: { equals: email, mode: "insensitive" as const } })),
              AND: {
                OR: [
                  { identities: { some: { workspaceId } } },
                  { identities: { none: {} }, memberships: { some: { project: { workshop: { workspaceId } } } } },
                ],
              },
            },
            include: { identities: { where: { workspaceId }, select: { externalId: true } } },
            orderBy: { createdAt: "asc" },
          })
        : [];
      const byExternalId = externalIds.length
        ? await prisma.platformUser.findMany({ where: { workspaceId, externalId: { in: externalIds } } })
        : [];
      return {
        byEmail: byEmail.map((p) => ({ id: p.id, email: p.email ?? "", linked: p.identities.length > 0 })),
        byExternalId: new Map(byExternalId.map((u) => [u.externalId, u.personId])),
      };
    },

    /** Applies an import in one transaction: all of it or, on any error, none of it. */
    async applyImport(workshopId: string, workspaceId: string, plan: ImportPlan): Promise<void> {
      await prisma.$transaction(
        async (tx) => {
          const projectIds = new Map<string, string>();
          for (const project of plan.projects) {
            if (project.id) {
              if (project.fields) await tx.project.update({ where: { id: project.id }, data: project.fields });
              projectIds.set(project.acronym, project.id);
            } else {
              const created = await tx.project.create({
                data: {
                  workshopId,
                  acronym: project.acronym,
                  title: project.fields?.title ?? project.acronym,
                  ...project.fields,
                },
              });
              projectIds.set(project.acronym, created.id);
            }
          }
          const projectId = async (acronym: string) => {
            const known = projectIds.get(acronym);
            if (known) return known;
            const row = await tx.project.findUniqueOrThrow({ where: { workshopId_acronym: { workshopId, acronym } } });
            projectIds.set(acronym, row.id);
            return row.id;
          };
          for (const partner of plan.partners) {
            const id = await projectId(partner.acronym);
            await tx.partnerOrganisation.upsert({
              where: { projectId_name: { projectId: id, name: partner.name } },
              create: { projectId: id, name: partner.name, country: partner.country ?? null },
              update: partner.country ? { country: partner.country } : {},
            });
          }
          const personIds = new Map<string, string>();
          for (const person of plan.invitedPeople) {
            const row = await tx.person.create({ data: { displayName: person.displayName, email: person.email } });
            personIds.set(person.key, row.id);
          }
          for (const person of plan.platformPeople) {
            const row = await tx.person.create({ data: { displayName: person.displayName } });
            await tx.platformUser.create({ data: { workspaceId, externalId: person.externalId, personId: row.id } });
            personIds.set(person.key, row.id);
          }
          for (const member of plan.members) {
            const data = {
              projectId: await projectId(member.acronym),
              personId: personIds.get(member.person) ?? member.person,
            };
            await tx.projectMember.createMany({ data: [data], skipDuplicates: true });
          }
          const resultIds = new Map<string, string>();
          const resultKey = (acronym: string, title: string) => `${acronym}\u0000${title}`;
          for (const result of plan.results) {
            const id = await projectId(result.acronym);
            const owners =
              result.owners &&
              (await tx.partnerOrganisation.findMany({ where: { projectId: id, name: { in: result.owners } } }));
            const ownerSet = owners ? { owners: { set: owners.map((o) => ({ id: o.id })) } } : {};
            const row = result.id
              ? await tx.exploitableResult.update({
                  where: { id: result.id },
                  data: { ...result.columns, ...ownerSet },
                })
              : await tx.exploitableResult.create({
                  data: {
                    projectId: id,
                    title: result.title,
                    position: result.position ?? 0,
                    ...result.columns,
                    ...(owners ? { owners: { connect: owners.map((o) => ({ id: o.id })) } } : {}),
                  },
                });
            resultIds.set(resultKey(result.acronym, result.title), row.id);
          }
          for (const interest of plan.interests) {
            const id = await projectId(interest.acronym);
            const key = resultKey(interest.result.acronym, interest.result.title);
            const resultId =
              resultIds.get(key) ??
              (
                await tx.exploitableResult.findUniqueOrThrow({
                  where: {
                    projectId_title: {
                      projectId: await projectId(interest.result.acronym),
                      title: interest.result.title,
                    },
                  },
                })
              ).id;
            const fields = { level: interest.level, kind: interest.kind, note: interest.note ?? null };
            await tx.interest.upsert({
              where: { projectId_resultId: { projectId: id, resultId } },
              create: { projectId: id, resultId, ...fields },
              update: fields,
            });
          }
        },
        { timeout: 120_000, maxWait: 30_000 },
      );
    },

    /**
     * Folds people who were invited by email (no chat account yet) into the chat user who has that email: their
     * project memberships move over and the placeholder goes. Returns how many placeholders were merged.
     */
    async adoptInvited(workspaceId: string, personId: string, email: string): Promise<number> {
      return prisma.$transaction(async (tx) => {
        const invited = await tx.person.findMany({
          where: {
            id: { not: personId },
            email: { equals: email, mode: "insensitive" },
            identities: { none: {} },
            memberships: { some: { project: { workshop: { workspaceId } } } },
          },
          include: { memberships: true },
        });
        for (const placeholder of invited) {
          await tx.projectMember.createMany({
            data: placeholder.memberships.map((m) => ({ projectId: m.projectId, personId })),
            skipDuplicates: true,
          });
          await tx.person.delete({ where: { id: placeholder.id } });
        }
        return invited.length;
      });
    },
  };
}
