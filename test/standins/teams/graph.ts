// Microsoft Graph (v1.0), the part the bot uses: channels of a team, their members, the team's members, and a
// channel's files folder. Errors have Graph's shape ({ error: { code, message } }) and status codes.
import { type Answer, asRecord, graphError, json, type Request } from "./http.ts";
import type { ServiceContext } from "./service-context.ts";
import { type MembershipType, newId, type StandInChannel } from "./state.ts";

const forbiddenInNames = /[~#%&*{}+/\\:<>?|'"]/;
const membershipTypes: MembershipType[] = ["standard", "private", "shared"];

export function graph(context: ServiceContext, request: Request): Answer | undefined {
  if (!request.path.startsWith("/v1.0/")) return undefined;
  const refused = context.authorize(request, context.url, "graph");
  if (refused) return refused;
  const upload = request.path.match(/^\/v1\.0\/drives\/([^/]+)\/items\/(.+):\/(.+):\/content$/);
  if (upload && request.method === "PUT")
    return uploadFile(context, request, decode(upload[1]), decode(upload[2]), decode(upload[3]));
  const parts = request.path.split("/").slice(2).map(decodeURIComponent);
  if (parts[0] !== "teams" || !parts[1]) return graphError(404, "UnknownError", `no ${request.method} ${request.path}`);
  const team = context.state.teams.get(parts[1]);
  if (!team) return graphError(404, "NotFound", `No team found with Group Id ${parts[1]}`);
  const [, , section, channelId, sub] = parts;
  if (section === "members" && parts.length === 3) {
    if (request.method === "GET")
      return json(200, {
        value: team.members.map((aad, index) => memberOf(context, aad, index === 0 ? ["owner"] : [])),
      });
    if (request.method === "POST") return addTeamMember(context, request, team.aadGroupId);
  }
  if (section !== "channels") return graphError(404, "UnknownError", `no ${request.method} ${request.path}`);
  if (!channelId) {
    if (request.method === "GET")
      return json(200, { value: context.state.channelsOf(team.aadGroupId).map(channelJson) });
    if (request.method === "POST") return createChannel(context, request, team.aadGroupId);
  }
  const channel = channelId ? context.state.channels.get(channelId) : undefined;
  if (!channel || channel.teamAadGroupId !== team.aadGroupId) return graphError(404, "NotFound", "Channel not found.");
  if (!sub && request.method === "GET") return json(200, channelJson(channel));
  if (sub === "members" && request.method === "GET")
    return json(200, {
      value: channelMembers(context, channel).map((m) => memberOf(context, m.userAadObjectId, m.roles)),
    });
  if (sub === "members" && request.method === "POST") return addChannelMember(context, request, channel);
  if (sub === "filesFolder" && request.method === "GET")
    return json(200, {
      id: `folder-${channel.id}`,
      name: channel.displayName,
      webUrl: `${context.url}/sites/${team.aadGroupId}/${encodeURIComponent(channel.displayName)}`,
      parentReference: { driveId: `drive-${team.aadGroupId}` },
    });
  return graphError(404, "UnknownError", `no ${request.method} ${request.path}`);
}

const decode = (value: string | undefined) => decodeURIComponent(value ?? "");

function createChannel(context: ServiceContext, request: Request, teamAadGroupId: string): Answer {
  const body = asRecord(request.json());
  const name = typeof body.displayName === "string" ? body.displayName : "";
  const problem = nameProblem(name);
  if (problem) return graphError(400, "BadRequest", problem);
  const existing = context.state.channelsOf(teamAadGroupId);
  if (existing.some((channel) => channel.displayName.toLowerCase() === name.toLowerCase()))
    return graphError(400, "NameAlreadyExists", "Channel name already existed, please use other name.");
  const membershipType = (body.membershipType ?? "standard") as MembershipType;
  if (!membershipTypes.includes(membershipType))
    return graphError(400, "BadRequest", `Invalid membershipType '${String(body.membershipType)}'.`);
  const team = context.state.team(teamAadGroupId);
  const members = (Array.isArray(body.members) ? body.members : []).map(asRecord).map((member) => ({
    userAadObjectId: boundUserId(member),
    roles: Array.isArray(member.roles) ? member.roles.map(String) : [],
  }));
  if (membershipType !== "standard" && !members.some((member) => member.roles.includes("owner")))
    return graphError(400, "BadRequest", "A private or shared channel created by an app must have an owner.");
  if (membershipType === "standard" && members.length > 0)
    return graphError(400, "BadRequest", "Members can only be given for private or shared channels.");
  const outsider = members.find((member) => !team.members.includes(member.userAadObjectId));
  if (outsider) return graphError(400, "BadRequest", `User ${outsider.userAadObjectId} is not a member of the team.`);
  const channel: StandInChannel = {
    id: `19:${newId()}@thread.tacv2`,
    teamAadGroupId,
    displayName: name,
    description: typeof body.description === "string" ? body.description : null,
    membershipType,
    members,
  };
  context.state.channels.set(channel.id, channel);
  context.state.conversations.set(channel.id, { id: channel.id, kind: "channel", with: channel.id, teamAadGroupId });
  return json(201, channelJson(channel));
}

function nameProblem(name: string): string | null {
  if (name.trim() === "") return "displayName is required.";
  if (name.length > 50) return "Channel name can't exceed 50 characters.";
  if (forbiddenInNames.test(name) || name.includes("..")) return "Channel name contains invalid characters.";
  if (/^[_.]/.test(name) || name.endsWith(".")) return "Channel name can't start with _ or . or end with .";
  if (name.toLowerCase() === "general") return "Channel name 'General' is reserved.";
  return null;
}

function addChannelMember(context: ServiceContext, request: Request, channel: StandInChannel): Answer {
  if (channel.membershipType === "standard")
    return graphError(400, "BadRequest", "Members can't be added to a standard channel; they are the team's.");
  const body = asRecord(request.json());
  const userId = boundUserId(body);
  if (!context.state.users.has(userId)) return graphError(404, "NotFound", `User ${userId} not found.`);
  if (!context.state.team(channel.teamAadGroupId).members.includes(userId))
    return graphError(400, "BadRequest", `User ${userId} is not a member of the team.`);
  if (channel.members.some((member) => member.userAadObjectId === userId))
    return graphError(409, "Conflict", "The user is already a member of the channel.");
  const roles = Array.isArray(body.roles) ? body.roles.map(String) : [];
  channel.members.push({ userAadObjectId: userId, roles });
  return json(201, memberOf(context, userId, roles));
}

function addTeamMember(context: ServiceContext, request: Request, teamAadGroupId: string): Answer {
  const body = asRecord(request.json());
  const userId = boundUserId(body);
  if (!context.state.users.has(userId)) return graphError(404, "NotFound", `User ${userId} not found.`);
  const team = context.state.team(teamAadGroupId);
  if (team.members.includes(userId)) return graphError(409, "Conflict", "The user is already a member of the team.");
  team.members.push(userId);
  return json(201, memberOf(context, userId, []));
}

function channelMembers(context: ServiceContext, channel: StandInChannel): StandInChannel["members"] {
  if (channel.membershipType !== "standard") return channel.members;
  return context.state.team(channel.teamAadGroupId).members.map((aad) => ({ userAadObjectId: aad, roles: [] }));
}

function uploadFile(
  context: ServiceContext,
  request: Request,
  driveId: string,
  parentId: string,
  name: string,
): Answer {
  const channelId = parentId.replace(/^folder-/, "");
  const channel = context.state.channels.get(channelId);
  if (!channel || driveId !== `drive-${channel.teamAadGroupId}`)
    return graphError(404, "itemNotFound", "The resource could not be found.");
  if (request.raw.length > 4 * 1024 * 1024)
    return graphError(413, "requestTooLarge", "Simple upload is limited to 4 MB; use an upload session.");
  const webUrl = `${context.url}/sites/${channel.teamAadGroupId}/${encodeURIComponent(channel.displayName)}/${encodeURIComponent(name)}`;
  const replaced = context.state.files.findIndex((file) => file.channelId === channelId && file.name === name);
  if (replaced >= 0) context.state.files.splice(replaced, 1);
  context.state.files.push({ teamAadGroupId: channel.teamAadGroupId, channelId, name, bytes: request.raw, webUrl });
  return json(replaced >= 0 ? 200 : 201, {
    id: `item-${newId()}`,
    name,
    size: request.raw.length,
    webUrl,
    eTag: `"{${newId()}},1"`,
    file: { mimeType: String(request.headers["content-type"] ?? "application/octet-stream") },
    parentReference: { driveId, id: parentId },
  });
}

/** "https://graph.microsoft.com/v1.0/users('<id>')" → "<id>". */
function boundUserId(member: Record<string, unknown>): string {
  const bind = String(member["user@odata.bind"] ?? "");
  return bind.match(/users\('([^']+)'\)/)?.[1] ?? String(member.userId ?? "");
}

function channelJson(channel: StandInChannel) {
  return {
    id: channel.id,
    displayName: channel.displayName,
    description: channel.description,
    membershipType: channel.membershipType,
    webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(channel.id)}`,
  };
}

function memberOf(context: ServiceContext, aad: string, roles: string[]) {
  const user = context.state.users.get(aad);
  return {
    "@odata.type": "#microsoft.graph.aadUserConversationMember",
    id: `member-${aad}`,
    roles,
    displayName: user?.name ?? null,
    userId: aad,
    email: user?.email ?? null,
    tenantId: context.tenantId,
  };
}
