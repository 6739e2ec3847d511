// The Teams app package: valid against Microsoft's published schema (from @microsoft/app-manifest, offline),
// the same words as /cluster in Slack, the icons Teams wants, files at the zip root, the same bytes every time.
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Ajv04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { helpMessage } from "../../../src/app/commands/help.ts";
import { buildTeamsPackage, renderTeamsManifest } from "../../../src/platforms/teams/manifest.ts";

// CommonJS packages typed with `export default`: under nodenext the default import is module.exports.
const Ajv04 = Ajv04Module as unknown as typeof Ajv04Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const require = createRequire(import.meta.url);
const botId = "6a1c1c1e-2b7b-4c53-9f0e-0d5c3b0a7e11";

async function validator(version: string) {
  const path = require.resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
  );
  const ajv = new Ajv04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  return ajv.compile(JSON.parse(await readFile(path, "utf8")));
}

const pngSize = (bytes: Uint8Array | undefined) => {
  if (!bytes) return undefined;
  const view = Buffer.from(bytes);
  return [view.readUInt32BE(16), view.readUInt32BE(20)];
};

describe("Teams app package", () => {
  it("is valid against Microsoft's schema for its manifest version", async () => {
    const manifest = await renderTeamsManifest({ botId, url: "https://clusterbot.example.org/base" });
    const validate = await validator(String(manifest.manifestVersion));
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(manifest).toMatchObject({ id: botId, validDomains: ["clusterbot.example.org"] });
    const broken = { ...manifest, accentColor: "blue", bots: [{ botId: "x", scopes: ["everywhere"] }] };
    expect(validate(broken)).toBe(false);
  });

  it("offers a command menu of /cluster's own words, within Teams' ten per list, for every scope the bot is in, and home in the 1:1 chat", async () => {
    const manifest = (await renderTeamsManifest({ botId })) as {
      bots: { scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    };
    const bot = manifest.bots[0];
    expect(bot?.scopes).toEqual(["personal", "team", "groupChat"]);
    // Files attached in the 1:1 chat reach the bot (`cluster import`) only with this.
    expect(bot).toMatchObject({ supportsFiles: true });
    const titles = bot?.commandLists.flatMap((list) => list.commands.map((command) => command.title)) ?? [];
    const slackWords = new Set(
      [...JSON.stringify(helpMessage()).matchAll(/\/cluster ([a-z]+(?: (?:add|open))?)/g)].map(
        (match) => `cluster ${match[1]}`,
      ),
    );
    // The menu is a shortcut (Teams allows ten commands a list); every command is typed as in Slack and listed by help.
    for (const list of bot?.commandLists ?? []) expect(list.commands.length).toBeLessThanOrEqual(10);
    expect(titles.filter((title) => !["cluster help", "home"].includes(title) && !slackWords.has(title))).toEqual([]);
    expect(titles).toEqual(
      expect.arrayContaining(["cluster help", "cluster setup", "cluster analyze", "cluster report"]),
    );
    expect(bot?.commandLists.flatMap((list) => list.scopes).sort()).toEqual([...(bot?.scopes ?? [])].sort());
    // The home card comes in the 1:1 chat (no personal tab): its command is offered there only.
    const personal = bot?.commandLists.find((list) => list.scopes.includes("personal"));
    expect(personal?.commands.map((command) => command.title)).toContain("home");
    const elsewhere = bot?.commandLists.filter((list) => !list.scopes.includes("personal")) ?? [];
    expect(elsewhere.flatMap((list) => list.commands.map((command) => command.title))).not.toContain("home");
  });

  it("zips the manifest and the two icons at the root, byte for byte the same each time", async () => {
    const zip = await buildTeamsPackage({ botId, url: "https://clusterbot.example.org" });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(pngSize(files["color.png"])).toEqual([192, 192]);
    expect(pngSize(files["outline.png"])).toEqual([32, 32]);
    expect(JSON.parse(new TextDecoder().decode(files["manifest.json"]))).toMatchObject({ bots: [{ botId }] });
    expect(Buffer.from(await buildTeamsPackage({ botId, url: "https://clusterbot.example.org" }))).toEqual(
      Buffer.from(zip),
    );
  });

  it("is built by `clusterbot manifest teams --bot-id … --out app.zip`, and refuses a bot id that is not a GUID", async () => {
    const folder = await mkdtemp(join(tmpdir(), "clusterbot-teams-"));
    const out = join(folder, "app.zip");
    const run = promisify(execFile);
    const node = process.execPath;
    const { stdout } = await run(node, ["src/cli/main.ts", "manifest", "teams", "--bot-id", botId, "--out", out]);
    expect(stdout).toContain("wrote");
    expect(Buffer.from(await readFile(out))).toEqual(Buffer.from(await buildTeamsPackage({ botId })));
    const refused = await run(node, ["src/cli/main.ts", "manifest", "teams", "--bot-id", "not-a-guid"]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain("--bot-id must be the bot's Microsoft App ID");
  });
});
