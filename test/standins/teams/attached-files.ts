// Files people attach in their 1:1 chat with the bot, as Teams hands them over: the bytes stay in the sender's
// OneDrive and the activity carries a `file.download.info` attachment whose `content.downloadUrl` is a
// pre-authenticated, short-lived link (SharePoint's `download.aspx` with a `tempauth` token). Here that link is
// served by the stand-in: the right token within the hour gets the bytes; a wrong or lapsed one gets 401, as
// SharePoint answers. Every download is counted, with the Authorization header it carried (the bot must send none).
import { randomUUID } from "node:crypto";
import { type Answer, json, type Request } from "./http.ts";
import type { ServiceContext } from "./service-context.ts";
import { newId, type StandInUser } from "./state.ts";

export interface AttachedFile {
  uniqueId: string;
  name: string;
  bytes: Uint8Array;
  ownerAadObjectId: string;
  tempauth: string;
  expiresAtSeconds: number;
  /** Each download's Authorization header (undefined when none was sent, as it should be). */
  downloads: (string | undefined)[];
}

/** How long a download link lasts (Teams' links last about an hour). */
const linkSeconds = 3600;
const downloadPath = /^\/personal\/([^/]+)\/_layouts\/15\/download\.aspx$/;

/** Keeps the file and builds the attachment Teams would put on the message. */
export function attachFile(
  context: ServiceContext,
  user: StandInUser,
  file: { name: string; bytes: Uint8Array },
  validSeconds = linkSeconds,
): { attachment: Record<string, unknown>; stored: AttachedFile } {
  const stored: AttachedFile = {
    uniqueId: randomUUID().toUpperCase(),
    name: file.name,
    bytes: file.bytes,
    ownerAadObjectId: user.aadObjectId,
    tempauth: newId(24),
    expiresAtSeconds: context.nowSeconds() + validSeconds,
    downloads: [],
  };
  context.state.attachedFiles.set(stored.uniqueId, stored);
  const owner = user.aadObjectId.replace(/[^a-z0-9]/gi, "_");
  const downloadUrl = `${context.url}/personal/${owner}/_layouts/15/download.aspx?UniqueId=${stored.uniqueId}&Translate=false&tempauth=${stored.tempauth}&ApiVersion=2.0`;
  const dot = file.name.lastIndexOf(".");
  return {
    stored,
    attachment: {
      contentType: "application/vnd.microsoft.teams.file.download.info",
      contentUrl: `${context.url}/personal/${owner}/Documents/Microsoft Teams Chat Files/${encodeURIComponent(file.name)}`,
      name: file.name,
      content: {
        downloadUrl,
        uniqueId: stored.uniqueId,
        fileType: dot > 0 ? file.name.slice(dot + 1).toLowerCase() : "",
        etag: `"{${stored.uniqueId}},1"`,
      },
    },
  };
}

/** GET of a download link. */
export function attachedFiles(context: ServiceContext, request: Request): Answer | undefined {
  if (request.method !== "GET" || !downloadPath.test(request.path)) return undefined;
  const file = context.state.attachedFiles.get(request.query.get("UniqueId") ?? "");
  if (!file) return json(404, { error: { code: "itemNotFound", message: "The file does not exist." } });
  const authorization = request.headers.authorization;
  file.downloads.push(typeof authorization === "string" ? authorization : undefined);
  if (request.query.get("tempauth") !== file.tempauth || context.nowSeconds() > file.expiresAtSeconds)
    return json(401, { error: { code: "unauthenticated", message: "The token is invalid or has expired." } });
  return {
    status: 200,
    raw: file.bytes,
    headers: { "content-type": "application/octet-stream", "content-length": String(file.bytes.byteLength) },
  };
}
