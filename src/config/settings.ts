// The only module that reads the environment. Every setting is declared once here, validated with zod, and
// passed down as a value; a bad value stops start with one message per setting (secrets masked).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { z } from "zod";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
const secret = (expected: string, pattern?: RegExp) =>
  optionalText.refine((value) => value === undefined || !pattern || pattern.test(value), { message: expected });
const url = (expected: string, protocols: string[]) =>
  optionalText.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: expected },
  );

const guid = (expected: string) =>
  optionalText.refine(
    (value) =>
      value === undefined ||
      /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value),
    { message: expected },
  );
/** A URL on this machine: the Teams overrides redirect trust and credentials, so they may only reach a local stand-in. */
const standInUrl = optionalText.refine(
  (value) => {
    if (value === undefined) return true;
    try {
      const parsed = new URL(value);
      return (
        ["http:", "https:"].includes(parsed.protocol) && ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname)
      );
    } catch {
      return false;
    }
  },
  { message: "expected an http(s) URL on this machine (127.0.0.1, localhost or [::1]), for the local stand-in" },
);

export const settingsSchema = z.object({
  PORT: z.coerce
    .number({ message: "expected a port number" })
    .int("expected a whole port number")
    .min(1, "expected a port between 1 and 65535")
    .max(65535, "expected a port between 1 and 65535")
    .default(3000),
  HOST: z.string().trim().min(1, "expected a host name or address").default("0.0.0.0"),
  LOG_LEVEL: z.enum(logLevels, { message: `expected one of ${logLevels.join(", ")}` }).default("info"),
  DATABASE_URL: url("expected a postgres:// or postgresql:// URL", ["postgres:", "postgresql:"]),
  CLUSTERBOT_DATA_DIR: z.string().trim().min(1, "expected a folder path").default(".clusterbot/data"),
  CLUSTERBOT_SCHEDULER: z.enum(["on", "off"], { message: "expected on or off" }).default("on"),
  CLUSTERBOT_SCHEDULER_TICK_SECONDS: z.coerce
    .number({ message: "expected a number of seconds" })
    .int("expected a whole number of seconds")
    .refine(
      (seconds) => seconds >= 1 && 60 % seconds === 0,
      "expected a divisor of 60 (1, 2, 3, 5, 10, 15, 20, 30, 60)",
    )
    .default(5),
  /**
   * Messages a second this process sends to one workspace, all conversations together (each conversation also gets
   * at most one a second). Slack documents "several hundred a minute" per workspace for chat.postMessage; a 429 lowers
   * the pace below this ceiling on its own. With several replicas, give each its share.
   */
  CLUSTERBOT_MESSAGES_PER_SECOND: z.coerce
    .number({ message: "expected a number of messages a second" })
    .min(0.1, "expected at least 0.1 message a second")
    .max(100, "expected at most 100 messages a second")
    .default(10),
  CLUSTERBOT_PUBLIC_URL: url("expected an http(s) URL", ["http:", "https:"]),
  CLUSTERBOT_ENCRYPTION_KEY: secret(
    "expected 32 bytes as 64 hex characters or base64",
    /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/,
  ),
  /** The key in use before a rotation: still decrypts, never encrypts (see SECURITY.md, key rotation). */
  CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS: secret(
    "expected 32 bytes as 64 hex characters or base64",
    /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/,
  ),
  SLACK_BOT_TOKEN: secret("expected a bot token starting with xoxb-", /^xoxb-/),
  SLACK_SIGNING_SECRET: secret("expected the app's signing secret (hex)", /^[0-9a-fA-F]{16,}$/),
  SLACK_APP_TOKEN: secret("expected an app-level token starting with xapp-", /^xapp-/),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: secret("expected the app's client secret"),
  SLACK_STATE_SECRET: secret("expected a random string of at least 16 characters", /^.{16,}$/),
  SLACK_API_URL: url("expected an http(s) URL ending with /", ["http:", "https:"]).refine(
    (value) => value === undefined || value.endsWith("/"),
    { message: "expected an http(s) URL ending with /" },
  ),
  SLACK_AUTHORIZE_URL: url("expected an http(s) URL", ["http:", "https:"]),
  TEAMS_CLIENT_ID: guid("expected the bot's Microsoft App ID (a GUID)"),
  CLUSTERBOT_WEB: z.enum(["on", "off"], { message: "expected on or off" }).default("on"),
  CLUSTERBOT_WEB_DEV_SIGNIN: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(["on", "local", "off"], { message: "expected on, local or off" }).optional(),
  ),
  TEAMS_CLIENT_SECRET: secret("expected the bot's client secret"),
  TEAMS_TENANT_ID: guid("expected the Microsoft Entra tenant ID (a GUID)"),
  // Test and demo only (the local Teams stand-in): where the bot's trusted keys, tokens, Graph and Connector are.
  TEAMS_OPENID_METADATA_URL: standInUrl,
  TEAMS_LOGIN_URL: standInUrl,
  TEAMS_GRAPH_URL: standInUrl,
  TEAMS_SERVICE_URL: standInUrl,
});

export type Settings = z.infer<typeof settingsSchema>;
export type Environment = Record<string, string | undefined>;

const secretNames = new Set<string>([
  "CLUSTERBOT_ENCRYPTION_KEY",
  "CLUSTERBOT_ENCRYPTION_KEY_PREVIOUS",
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "TEAMS_CLIENT_SECRET",
  "DATABASE_URL",
]);

/** The values of the secret settings, for the logger to cut out of every line (a database URL: its password). */
export function secretValues(settings: Settings): string[] {
  const values: string[] = [];
  for (const name of secretNames) {
    const value = settings[name as keyof Settings];
    if (typeof value !== "string") continue;
    values.push(name === "DATABASE_URL" ? urlPassword(value) : value);
  }
  return values.filter((value) => value !== "");
}

function urlPassword(value: string): string {
  try {
    return decodeURIComponent(new URL(value).password);
  } catch {
    return "";
  }
}

export interface SettingProblem {
  name: string;
  expected: string;
  given: string;
}

export class SettingsError extends Error {
  readonly problems: SettingProblem[];

  constructor(problems: SettingProblem[]) {
    super(problems.map(describeProblem).join("\n"));
    this.name = "SettingsError";
    this.problems = problems;
  }
}

export function describeProblem(problem: SettingProblem): string {
  return `${problem.name}: ${problem.expected}, got ${problem.given}`;
}

/** Reads settings from the environment, with a `.env` file in `cwd` (if any) filling what the environment lacks. */
export function loadSettings(environment: Environment = process.env, cwd = process.cwd()): Settings {
  const dotenvPath = resolve(cwd, ".env");
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  return parseSettings({ ...fromFile, ...environment });
}

export function parseSettings(environment: Environment): Settings {
  const names = Object.keys(settingsSchema.shape);
  const relevant = Object.fromEntries(names.map((name) => [name, environment[name]]));
  const result = settingsSchema.safeParse(relevant);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return { name, expected: issue.message, given: showGiven(name, environment[name]) };
  });
  throw new SettingsError(problems);
}

function showGiven(name: string, value: string | undefined): string {
  if (value === undefined) return "nothing";
  if (!secretNames.has(name)) return JSON.stringify(value);
  if (name === "DATABASE_URL") return JSON.stringify(maskUrlPassword(value));
  return `a ${value.length}-character value (hidden)`;
}

function maskUrlPassword(value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return value.replace(/:[^:@/]*@/, ":****@");
  }
}

/** How Slack is reached, from the settings: one workspace, the OAuth install for many, or not at all. */
export function slackMode(settings: Settings): "single-workspace" | "oauth" | "off" {
  const missing = missingPlatformSettings(settings).slack;
  if (missing.length > 0) return "off";
  return settings.SLACK_BOT_TOKEN && settings.SLACK_SIGNING_SECRET ? "single-workspace" : "oauth";
}

/** What is missing for each chat platform, so start can say it plainly. */
export function missingPlatformSettings(settings: Settings): { slack: string[]; teams: string[] } {
  const slackSingle = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"] as const;
  const slackOAuth = [
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "SLACK_SIGNING_SECRET",
    "SLACK_STATE_SECRET",
    "CLUSTERBOT_ENCRYPTION_KEY",
  ] as const;
  const missingSingle = slackSingle.filter((name) => !settings[name]);
  const missingOAuth = slackOAuth.filter((name) => !settings[name]);
  const slack = missingSingle.length === 0 || missingOAuth.length === 0 ? [] : missingSingle;
  const teams = (["TEAMS_CLIENT_ID", "TEAMS_CLIENT_SECRET"] as const).filter((name) => !settings[name]);
  return { slack, teams };
}

/** The Teams settings as one value, or undefined when Teams is off. Overrides are set only for the local stand-in. */
export function teamsSettings(settings: Settings):
  | {
      clientId: string;
      clientSecret: string;
      tenantId?: string;
      standIn?: { openIdMetadataUrl?: string; loginUrl?: string; graphUrl?: string; serviceUrl?: string };
    }
  | undefined {
  if (!settings.TEAMS_CLIENT_ID || !settings.TEAMS_CLIENT_SECRET) return undefined;
  const standIn = {
    ...(settings.TEAMS_OPENID_METADATA_URL ? { openIdMetadataUrl: settings.TEAMS_OPENID_METADATA_URL } : {}),
    ...(settings.TEAMS_LOGIN_URL ? { loginUrl: settings.TEAMS_LOGIN_URL } : {}),
    ...(settings.TEAMS_GRAPH_URL ? { graphUrl: settings.TEAMS_GRAPH_URL } : {}),
    ...(settings.TEAMS_SERVICE_URL ? { serviceUrl: settings.TEAMS_SERVICE_URL } : {}),
  };
  return {
    clientId: settings.TEAMS_CLIENT_ID,
    clientSecret: settings.TEAMS_CLIENT_SECRET,
    ...(settings.TEAMS_TENANT_ID ? { tenantId: settings.TEAMS_TENANT_ID } : {}),
    ...(Object.keys(standIn).length > 0 ? { standIn } : {}),
  };
}

/**
 * Sign-in by name in the browser workspace (a person switcher for development and demos): `local` lets only this
 * machine use it, `on` anyone who reaches the port, `off` leaves invite links only. Without the setting: `local`,
 * or `off` once a public URL is set (a shared deployment).
 */
export function webDevSignIn(settings: Settings): "on" | "local" | "off" {
  return settings.CLUSTERBOT_WEB_DEV_SIGNIN ?? (settings.CLUSTERBOT_PUBLIC_URL ? "off" : "local");
}
