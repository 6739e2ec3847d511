// Working-group channels through Microsoft Graph: create a channel in a team (standard, private or shared), add
// members where the channel type allows it (private and shared; a standard channel has the team's members),
// list channels and members, and put a file in a channel's files folder. The Graph base URL follows the cloud
// (`graphScope`), which the test settings point at the local stand-in.
import type { App } from "@microsoft/teams.apps";
import type { EndpointRequest } from "@microsoft/teams.graph";
import type { z } from "zod";
import { callTeams, TeamsCallError } from "../errors.ts";
import {
  addChannelMember,
  type ChannelBody,
  channelFilesFolder,
  createChannel,
  getChannel,
  graphChannel,
  graphDriveItem,
  graphFolder,
  graphMember,
  listChannelMembers,
  listChannels,
  listOf,
  listTeamMembers,
  type MemberBody,
  uploadToFolder,
} from "./endpoints.ts";

export type ChannelKind = "standard" | "private" | "shared";

export interface GraphChannel {
  id: string;
  displayName: string;
  membershipType: ChannelKind;
  webUrl: string | null;
}

export interface GraphMember {
  userId: string;
  displayName: string | null;
  roles: string[];
}

export interface UploadedFile {
  name: string;
  webUrl: string;
  size: number;
}

/** The channel name is taken in this team (Graph: NameAlreadyExists). */
export class ChannelNameTakenError extends Error {
  readonly displayName: string;

  constructor(displayName: string, options?: { cause?: unknown }) {
    super(`a channel named "${displayName}" already exists in the team`, options);
    this.name = "ChannelNameTakenError";
    this.displayName = displayName;
  }
}

/** Members cannot be added to a standard channel: everyone in the team is in it. */
export class MembersNotSupportedError extends Error {
  constructor() {
    super("members can only be added to private or shared channels");
    this.name = "MembersNotSupportedError";
  }
}

/** Graph's simple upload takes at most 4 MB. */
export const maxSimpleUploadBytes = 4 * 1024 * 1024;

export class TeamsChannels {
  readonly #app: App;

  constructor(app: App) {
    this.#app = app;
  }

  /**
   * Creates a channel in a team. A private or shared channel needs an owner when an app creates it: the first of
   * `members` is made owner, the rest are added as members.
   */
  async create(
    teamAadGroupId: string,
    channel: { displayName: string; description?: string; kind: ChannelKind; members?: string[] },
  ): Promise<GraphChannel> {
    if (channel.kind === "standard" && channel.members?.length) throw new MembersNotSupportedError();
    const members = (channel.members ?? []).map((userId, index) => memberBody(userId, index === 0 ? ["owner"] : []));
    const body: ChannelBody = {
      "@odata.type": "#microsoft.graph.channel",
      displayName: channel.displayName,
      ...(channel.description ? { description: channel.description } : {}),
      membershipType: channel.kind,
      ...(members.length > 0 ? { members } : {}),
    };
    try {
      const created = await this.#call("creating a Teams channel", graphChannel, createChannel(teamAadGroupId, body));
      return toChannel(created);
    } catch (error) {
      if (error instanceof TeamsCallError && error.code === "NameAlreadyExists")
        throw new ChannelNameTakenError(channel.displayName, { cause: error });
      throw error;
    }
  }

  async list(teamAadGroupId: string): Promise<GraphChannel[]> {
    const answer = await this.#call("listing Teams channels", listOf(graphChannel), listChannels(teamAadGroupId));
    return answer.value.map(toChannel);
  }

  async get(teamAadGroupId: string, channelId: string): Promise<GraphChannel> {
    return toChannel(await this.#call("reading a Teams channel", graphChannel, getChannel(teamAadGroupId, channelId)));
  }

  /** Adds people to a private or shared channel; someone already in it counts as added. */
  async addMembers(teamAadGroupId: string, channel: GraphChannel, userIds: string[]): Promise<void> {
    if (channel.membershipType === "standard") throw new MembersNotSupportedError();
    for (const userId of userIds) {
      try {
        await this.#call(
          "adding a member to a Teams channel",
          graphMember,
          addChannelMember(teamAadGroupId, channel.id, memberBody(userId, [])),
        );
      } catch (error) {
        if (!(error instanceof TeamsCallError && error.status === 409)) throw error;
      }
    }
  }

  /** The team's owners (AAD object ids): one of them owns a private channel the app creates. */
  async teamOwners(teamAadGroupId: string): Promise<string[]> {
    const answer = await this.#call("listing a team's members", listOf(graphMember), listTeamMembers(teamAadGroupId));
    return answer.value.flatMap((member) => (member.userId && member.roles?.includes("owner") ? [member.userId] : []));
  }

  async members(teamAadGroupId: string, channelId: string): Promise<GraphMember[]> {
    const answer = await this.#call(
      "listing a Teams channel's members",
      listOf(graphMember),
      listChannelMembers(teamAadGroupId, channelId),
    );
    return answer.value.map((member) => ({
      userId: member.userId ?? "",
      displayName: member.displayName ?? null,
      roles: member.roles ?? [],
    }));
  }

  /** Puts a file in the channel's files folder (SharePoint), replacing one of the same name. */
  async uploadFile(
    teamAadGroupId: string,
    channelId: string,
    file: { name: string; bytes: Uint8Array; contentType: string },
  ): Promise<UploadedFile> {
    if (file.bytes.length > maxSimpleUploadBytes)
      throw new TeamsCallError({
        what: "uploading a file to Teams",
        failure: "permanent",
        status: null,
        code: "FileTooLarge",
      });
    const folder = await this.#call(
      "finding a Teams channel's files folder",
      graphFolder,
      channelFilesFolder(teamAadGroupId, channelId),
    );
    const item = await this.#call(
      "uploading a file to Teams",
      graphDriveItem,
      uploadToFolder(folder.parentReference.driveId, folder.id, file.name, Buffer.from(file.bytes), file.contentType),
    );
    return { name: item.name, webUrl: item.webUrl, size: item.size ?? file.bytes.length };
  }

  async #call<T>(what: string, answer: z.ZodType<T>, request: EndpointRequest<unknown>): Promise<T> {
    const raw = await callTeams(what, () => this.#app.graph.call(() => request));
    const parsed = answer.safeParse(raw);
    if (!parsed.success)
      throw new TeamsCallError({
        what,
        failure: "permanent",
        status: 200,
        code: "UnexpectedAnswer",
        cause: parsed.error,
      });
    return parsed.data;
  }
}

function memberBody(userId: string, roles: string[]): MemberBody {
  return {
    "@odata.type": "#microsoft.graph.aadUserConversationMember",
    roles,
    "user@odata.bind": `https://graph.microsoft.com/v1.0/users('${userId}')`,
  };
}

function toChannel(channel: z.infer<typeof graphChannel>): GraphChannel {
  const kind =
    channel.membershipType === "private" || channel.membershipType === "shared" ? channel.membershipType : "standard";
  return { id: channel.id, displayName: channel.displayName, membershipType: kind, webUrl: channel.webUrl ?? null };
}
