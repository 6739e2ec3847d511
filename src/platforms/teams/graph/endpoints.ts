// The few Graph endpoints the adapter calls, as the Teams SDK's Graph client takes them ({ method, path, params,
// body }). Bodies are typed here and answers narrowed with zod, so a surprising answer is an error, not a guess.
import type { EndpointRequest } from "@microsoft/teams.graph";
import { z } from "zod";

export const graphChannel = z.object({
  id: z.string(),
  displayName: z.string(),
  membershipType: z.string().nullish(),
  webUrl: z.string().nullish(),
});

export const graphMember = z.object({
  userId: z.string().nullish(),
  displayName: z.string().nullish(),
  roles: z.array(z.string()).nullish(),
});

export const graphFolder = z.object({ id: z.string(), parentReference: z.object({ driveId: z.string() }) });

export const graphDriveItem = z.object({ name: z.string(), webUrl: z.string(), size: z.number().nullish() });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ value: z.array(item) });

export interface MemberBody {
  "@odata.type": "#microsoft.graph.aadUserConversationMember";
  roles: string[];
  "user@odata.bind": string;
}

export interface ChannelBody {
  "@odata.type": "#microsoft.graph.channel";
  displayName: string;
  description?: string;
  membershipType: "standard" | "private" | "shared";
  members?: MemberBody[];
}

const path = (names: string[]) => ({ path: names });

export const createChannel = (teamId: string, body: ChannelBody): EndpointRequest<unknown> => ({
  method: "post",
  path: "/teams/{team-id}/channels",
  paramDefs: path(["team-id"]),
  params: { "team-id": teamId },
  body,
});

export const listChannels = (teamId: string): EndpointRequest<unknown> => ({
  method: "get",
  path: "/teams/{team-id}/channels",
  paramDefs: path(["team-id"]),
  params: { "team-id": teamId },
});

export const getChannel = (teamId: string, channelId: string): EndpointRequest<unknown> => ({
  method: "get",
  path: "/teams/{team-id}/channels/{channel-id}",
  paramDefs: path(["team-id", "channel-id"]),
  params: { "team-id": teamId, "channel-id": encodeURIComponent(channelId) },
});

export const addChannelMember = (teamId: string, channelId: string, body: MemberBody): EndpointRequest<unknown> => ({
  method: "post",
  path: "/teams/{team-id}/channels/{channel-id}/members",
  paramDefs: path(["team-id", "channel-id"]),
  params: { "team-id": teamId, "channel-id": encodeURIComponent(channelId) },
  body,
});

export const listTeamMembers = (teamId: string): EndpointRequest<unknown> => ({
  method: "get",
  path: "/teams/{team-id}/members",
  paramDefs: path(["team-id"]),
  params: { "team-id": teamId },
});

export const listChannelMembers = (teamId: string, channelId: string): EndpointRequest<unknown> => ({
  method: "get",
  path: "/teams/{team-id}/channels/{channel-id}/members",
  paramDefs: path(["team-id", "channel-id"]),
  params: { "team-id": teamId, "channel-id": encodeURIComponent(channelId) },
});

export const channelFilesFolder = (teamId: string, channelId: string): EndpointRequest<unknown> => ({
  method: "get",
  path: "/teams/{team-id}/channels/{channel-id}/filesFolder",
  paramDefs: path(["team-id", "channel-id"]),
  params: { "team-id": teamId, "channel-id": encodeURIComponent(channelId) },
});

/** A new (or replaced) file by path under a folder: PUT /drives/{drive}/items/{folder}:/{name}:/content. */
export const uploadToFolder = (
  driveId: string,
  folderId: string,
  fileName: string,
  bytes: Buffer,
  contentType: string,
): EndpointRequest<unknown> => ({
  method: "put",
  path: `/drives/{drive-id}/items/{folder-id}:/{file-name}:/content`,
  paramDefs: { path: ["drive-id", "folder-id", "file-name"], header: ["Content-Type"] },
  params: {
    "drive-id": encodeURIComponent(driveId),
    "folder-id": encodeURIComponent(folderId),
    "file-name": encodeURIComponent(fileName),
    "Content-Type": contentType,
  },
  body: bytes,
});
