// How a spreadsheet names a chat user, and who that is in the database.
//
// A member is named by a platform user id ("slack:U0123ABCD", "teams:<AAD object id>", or the bare id, read as the
// workspace's own platform) or by an email address. A platform user id is exact: the person behind it is found or
// created with that identity. An email address is matched, case-insensitively, against the people of this workspace
// (chat users first, whose email comes from their platform profile); when nobody has it yet, an "invited" person
// with that email and no chat identity is created. When that person first uses the bot, the chat user's profile
// email links them: see `adoptInvitedMember` in invited-members.ts.
import type { Member, ReportInput } from "../../core/report/input.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import type { ImportPlan, WorkshopRecordRow } from "../../store/repositories/workshop-records.ts";
import type { ImportIssue } from "./import-workshop.ts";

export interface MemberResolution {
  issues: ImportIssue[];
  /** "<project id>\u0000<member index>" → a person id, or the key of a person the import creates. */
  personOf: Map<string, string>;
  invitedPeople: ImportPlan["invitedPeople"];
  platformPeople: ImportPlan["platformPeople"];
}

const PLATFORMS = ["slack", "teams"];

export function parsePlatformUser(value: string): { platform?: string; externalId: string } {
  const match = /^([a-z]+):(.+)$/i.exec(value.trim());
  if (match && PLATFORMS.includes(match[1]!.toLowerCase()))
    return { platform: match[1]!.toLowerCase(), externalId: match[2]!.trim() };
  return { externalId: value.trim() };
}

export async function resolveMembers(
  repos: Repositories,
  stored: WorkshopRecordRow,
  input: ReportInput,
): Promise<MemberResolution> {
  const platform = stored.workspace.platform;
  const entries = input.projects.flatMap((project, p) =>
    project.members.map((member, j) => ({ project, p, j, member })),
  );
  const issues: ImportIssue[] = [];
  const externalIds = entries.flatMap(({ member, p, j }) => {
    if (!member.platformUser) return [];
    const parsed = parsePlatformUser(member.platformUser);
    if (parsed.platform && parsed.platform !== platform) {
      issues.push({
        path: ["projects", p, "members", j, "platformUser"],
        message: `"${member.platformUser}" is a ${parsed.platform} user, but this workshop runs on ${platform}`,
      });
      return [];
    }
    return [parsed.externalId];
  });
  const emails = entries.flatMap(({ member }) => (!member.platformUser && member.email ? [member.email] : []));
  const known = await repos.workshopRecords.peopleFor(
    stored.workspaceId,
    [...new Set(emails)],
    [...new Set(externalIds)],
  );

  const resolution: MemberResolution = { issues, personOf: new Map(), invitedPeople: [], platformPeople: [] };
  const created = new Set<string>();
  for (const { project, j, member } of entries) {
    const person = personFor(member, platform, known, resolution, created);
    if (person) resolution.personOf.set(`${project.id}\u0000${j}`, person);
  }
  return resolution;
}

function personFor(
  member: Member,
  platform: string,
  known: Awaited<ReturnType<Repositories["workshopRecords"]["peopleFor"]>>,
  resolution: MemberResolution,
  created: Set<string>,
): string | undefined {
  if (member.platformUser) {
    const { platform: named, externalId } = parsePlatformUser(member.platformUser);
    if (named && named !== platform) return undefined;
    const existing = known.byExternalId.get(externalId);
    if (existing) return existing;
    const key = `user:${externalId}`;
    if (!created.has(key)) {
      created.add(key);
      resolution.platformPeople.push({ key, displayName: member.name ?? externalId, externalId });
    }
    return key;
  }
  const email = member.email!;
  const matches = known.byEmail.filter((p) => p.email.toLowerCase() === email.toLowerCase());
  const match = matches.find((p) => p.linked) ?? matches[0];
  if (match) return match.id;
  const key = `email:${email.toLowerCase()}`;
  if (!created.has(key)) {
    created.add(key);
    resolution.invitedPeople.push({ key, displayName: member.name ?? email, email });
  }
  return key;
}
