// `clusterbot web invite NAME`: an invite link to the browser workspace for one person (added if new). The
// workspace's modules are loaded only when the command runs.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { loadSettings, type Settings } from "../config/settings.ts";
import { csrfHeader } from "../platforms/web/protocol.ts";
import { Refusal } from "../platforms/web/service/errors.ts";

export function registerWebCommands(program: Command): void {
  const web = program.command("web").description("the local browser workspace");
  web
    .command("invite")
    .description("print an invite link for a person (added if new); their older links stop working")
    .argument("<name>", 'the person\'s name, e.g. "Ana Lima"')
    .action(async (name: string) => {
      const settings = loadSettings();
      if (settings.CLUSTERBOT_WEB === "off") {
        return fail("the browser workspace is off (CLUSTERBOT_WEB=off)");
      }
      let shown: PrintedInvite;
      try {
        shown = (await inviteDirectly(settings, name)) ?? (await inviteThroughServer(settings, name));
      } catch (error) {
        if (error instanceof InviteProblem || error instanceof Refusal) return fail(error.message);
        throw error;
      }
      process.stdout.write(
        [
          `Invite link for ${shown.name}${shown.created ? " (added to the workspace)" : ""}, valid until ${shown.expiresAt}:`,
          `  ${shown.link}`,
          `Send it to ${shown.name} privately: whoever opens it signs in as ${shown.name}. A new link replaces this one.`,
          "",
        ].join("\n"),
      );
    });
}

/** Something the person running the command can act on: printed as a plain line, exit code 1. */
class InviteProblem extends Error {}

function fail(message: string): void {
  process.stderr.write(`Clusterbot: ${message}\n`);
  process.exitCode = 1;
}

interface PrintedInvite {
  name: string;
  created: boolean;
  link: string;
  expiresAt: string;
}

/** Opens the store itself; undefined when a running Clusterbot holds the embedded data folder. */
async function inviteDirectly(settings: Settings, name: string): Promise<PrintedInvite | undefined> {
  const [{ openConfiguredDatabase }, { StoreError }, { applyMigrations }, { createLogger }] = await Promise.all([
    import("../runtime/open-store.ts"),
    import("../store/errors.ts"),
    import("../store/migrations/migrations.ts"),
    import("../logging/logger.ts"),
  ]);
  let database: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    database = await openConfiguredDatabase(settings);
  } catch (error) {
    if (error instanceof StoreError && error.code === "DATA_DIR_LOCKED") return undefined;
    throw error;
  }
  try {
    await applyMigrations(database);
    const [{ offlineWorkspaceService }, { issueInvite }] = await Promise.all([
      import("../runtime/web-workspace.ts"),
      import("../platforms/web/invites.ts"),
    ]);
    const service = await offlineWorkspaceService(database.prisma, createLogger("error"));
    const baseUrl = settings.CLUSTERBOT_PUBLIC_URL ?? `http://localhost:${settings.PORT}/`;
    const invite = await issueInvite(service, name, baseUrl);
    return { ...invite, name: invite.person.name, expiresAt: invite.expiresAt.toISOString() };
  } finally {
    await database.close();
  }
}

/** The running Clusterbot on this machine issues it, given the key it wrote beside its data folder. */
async function inviteThroughServer(settings: Settings, name: string): Promise<PrintedInvite> {
  const { adminKeyPath } = await import("../runtime/web-workspace.ts");
  const { adminInvitePath } = await import("../platforms/web/http/admin-route.ts");
  const keyFile = adminKeyPath(resolve(settings.CLUSTERBOT_DATA_DIR));
  const key = await readFile(keyFile, "utf8").catch(() => {
    throw new InviteProblem(
      `a running Clusterbot holds the data folder, but its key ${keyFile} cannot be read (is its browser workspace on?)`,
    );
  });
  const response = await fetch(`http://127.0.0.1:${settings.PORT}${adminInvitePath}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key.trim()}`, "content-type": "application/json", [csrfHeader]: "1" },
    body: JSON.stringify({ name }),
  }).catch((error: unknown) => {
    throw new InviteProblem(`the running Clusterbot did not answer on port ${settings.PORT} (${String(error)})`);
  });
  const body = (await response.json()) as PrintedInvite & { message?: string };
  if (!response.ok) throw new InviteProblem(`the running Clusterbot refused: ${body.message ?? response.status}`);
  return body;
}
