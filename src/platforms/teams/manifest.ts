// The Teams app package: manifests/teams/manifest.json with the bot id (and the bot's domain) filled in, plus the
// two icons, zipped with the files at the root (Teams refuses a folder inside) and a fixed date, so the same
// input always gives the same bytes.
import { readFile } from "node:fs/promises";
import { zipSync } from "fflate";

const folder = new URL("../../../manifests/teams/", import.meta.url);
export const teamsManifestPath = new URL("manifest.json", folder).pathname;
const packageDate = new Date("2025-01-01T00:00:00Z");
const guid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export interface TeamsManifestOptions {
  /** The bot's Microsoft App ID (TEAMS_CLIENT_ID). */
  botId: string;
  /** Where Clusterbot is reached (its host goes into validDomains). */
  url?: string;
  version?: string;
}

export async function renderTeamsManifest(options: TeamsManifestOptions): Promise<Record<string, unknown>> {
  if (!guid.test(options.botId))
    throw new Error(`--bot-id must be the bot's Microsoft App ID (a GUID), got "${options.botId}"`);
  const text = (await readFile(teamsManifestPath, "utf8")).replaceAll("{{BOT_ID}}", options.botId.toLowerCase());
  const manifest = JSON.parse(text) as Record<string, unknown>;
  if (options.url) {
    const url = new URL(options.url);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("--url must start with https://");
    manifest.validDomains = [url.host];
  }
  if (options.version) manifest.version = options.version;
  return manifest;
}

export async function buildTeamsPackage(options: TeamsManifestOptions): Promise<Uint8Array> {
  const manifest = await renderTeamsManifest(options);
  const files: Record<string, Uint8Array> = {
    "manifest.json": new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    "color.png": new Uint8Array(await readFile(new URL("color.png", folder))),
    "outline.png": new Uint8Array(await readFile(new URL("outline.png", folder))),
  };
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { mtime: packageDate }]])),
    { level: 9 },
  );
}
