// A file attached in the 1:1 chat, fetched from its `content.downloadUrl`: a pre-authenticated, short-lived link
// into the sender's OneDrive, so it is a plain GET that never carries the bot's token. The link comes inside an
// activity, so not every URL is fetched: only https on SharePoint Online (`*.sharepoint.com`, where Teams keeps
// the files of 1:1 chats; bots get no files in the GCC High, DoD and 21Vianet clouds), or the configured stand-in
// (test mode; the settings accept it only on this machine). Anything else is refused before any request, so a
// crafted attachment cannot make the bot fetch from inside its own network. Storage may answer with a redirect: up
// to five are followed, each to https only (or within the stand-in). No more than the reader's limit is read.
import { readCapped } from "../../http/capped-download.ts";

export type TeamsFileDownload = (url: string, maxBytes: number) => Promise<Uint8Array | "too-large" | "unavailable">;

/** What storage answers for a link whose own credential lapsed or a file that is gone. */
const goneStatuses = new Set([401, 403, 404, 410]);

const sharePointOnline = /^[a-z0-9-]+\.sharepoint\.com$/i;
const maxRedirects = 5;
/** Link, redirects and body together; a workshop's spreadsheet takes a second or two at worst. */
const timeoutMs = 60_000;

export function teamsFileDownloader(standInUrl?: string): TeamsFileDownload {
  const standIn = standInUrl ? new URL(standInUrl).origin : undefined;
  const isStandIn = (url: URL) => standIn !== undefined && url.origin === standIn;
  return async (link, maxBytes) => {
    let target = parse(link);
    if (!target || !((target.protocol === "https:" && sharePointOnline.test(target.hostname)) || isStandIn(target)))
      throw new Error(`refusing to download a shared file from ${target?.origin ?? "a link that is not a URL"}`);
    const signal = AbortSignal.timeout(timeoutMs);
    for (let hops = 0; ; hops++) {
      const response = await fetch(target, { redirect: "manual", signal });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        const next = parse(location, target);
        if (hops >= maxRedirects || !next || !(next.protocol === "https:" || isStandIn(next)))
          throw new Error(`refusing a redirect of a shared file's download to ${next?.origin ?? location}`);
        target = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        // 401/403: the link's own credential has lapsed; only sharing the file again gives a new one.
        if (goneStatuses.has(response.status)) return "unavailable";
        throw new Error(`could not download the shared file (HTTP ${response.status})`);
      }
      return readCapped(response, maxBytes);
    }
  };
}

function parse(url: string, base?: URL): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}
