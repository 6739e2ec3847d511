import { createSlackStandIn, type SlackStandIn, type SlackStandInOptions } from "./index.ts";

export const SIGNING_SECRET = "test-signing-secret";
export const BOT_USER_ID = "U0BOT000001";
export const TEAM_ID = "T0TEAM00001";
export const ALICE = "U0ALICE0001";
export const BOB = "U0BOB000001";
export const CAROL = "U0CAROL0001";

/** A stand-in with three people and one public channel the bot is in. */
export function startStandIn(overrides: Partial<SlackStandInOptions> = {}): Promise<SlackStandIn> {
  return createSlackStandIn({
    signingSecret: SIGNING_SECRET,
    botUserId: BOT_USER_ID,
    teamId: TEAM_ID,
    users: [
      { id: ALICE, name: "alice", realName: "Alice Doe", email: "alice@example.com", tz: "Europe/Berlin" },
      { id: BOB, name: "bob", realName: "Bob Roe", email: "bob@example.com", tz: "Asia/Kolkata" },
      { id: CAROL, name: "carol", realName: "Carol Poe", email: "carol@example.com" },
    ],
    channels: [{ id: "C0GENERAL01", name: "general", members: [BOT_USER_ID, ALICE, BOB] }],
    ...overrides,
  });
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Calls a Web API method over real HTTP, form-encoded like WebClient (objects JSON-encoded) unless `json` is set. */
export async function callApi(
  standIn: SlackStandIn,
  method: string,
  args: Record<string, unknown> = {},
  options: { json?: boolean; token?: string | null } = {},
): Promise<ApiAnswer> {
  const token = options.token === undefined ? standIn.botToken : options.token;
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  let body: string;
  if (options.json) {
    headers["content-type"] = "application/json; charset=utf-8";
    body = JSON.stringify(args);
  } else {
    headers["content-type"] = "application/x-www-form-urlencoded";
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(args)) {
      form.set(key, typeof value === "string" ? value : JSON.stringify(value));
    }
    body = form.toString();
  }
  const response = await fetch(`${standIn.url}${method}`, { method: "POST", headers, body });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

export function modal(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "modal",
    callback_id: "homework",
    title: { type: "plain_text", text: "Homework" },
    submit: { type: "plain_text", text: "Send" },
    blocks: [
      {
        type: "input",
        block_id: "title",
        label: { type: "plain_text", text: "Title" },
        element: { type: "plain_text_input", action_id: "title_input" },
      },
    ],
    ...overrides,
  };
}
