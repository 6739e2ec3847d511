// The outer shape of what Slack sends, checked once at the edge. Bolt routes on these fields without checking them
// (a signed `actions: 7` or `event: true` throws inside Bolt), so a body that does not have them is refused with a
// 400 before it reaches Bolt. Fields inside (values, metadata, action values) are still narrowed by each listener.
import { z } from "zod";

const id = z.string().min(1).max(255);
const object = z.looseObject({});

const interaction = {
  user: z.looseObject({ id, team_id: z.string().nullish() }),
  team: z.looseObject({ id: id.optional(), enterprise_id: z.string().nullish() }).nullish(),
  enterprise: z.looseObject({ id: z.string().optional() }).nullish(),
  channel: z.looseObject({ id: z.string().optional() }).nullish(),
  container: object.optional(),
  message: object.optional(),
  response_url: z.string().optional(),
  response_urls: z.array(z.looseObject({ response_url: z.string() })).optional(),
  is_enterprise_install: z.boolean().optional(),
};

const view = z.looseObject({
  id,
  callback_id: z.string().max(255),
  team_id: z.string().nullish(),
  app_installed_team_id: z.string().nullish(),
});

const payload = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("block_actions"),
    ...interaction,
    actions: z.array(z.looseObject({ action_id: z.string(), block_id: z.string().optional() })).min(1),
    view: view.optional(),
  }),
  z.looseObject({ type: z.enum(["view_submission", "view_closed"]), ...interaction, view }),
  z.looseObject({
    type: z.literal("block_suggestion"),
    ...interaction,
    action_id: z.string(),
    block_id: z.string().optional(),
    view: view.optional(),
  }),
  z.looseObject({ type: z.enum(["shortcut", "message_action"]), ...interaction, callback_id: z.string() }),
]);

const json = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("event_callback"),
    team_id: z.string().optional(),
    enterprise_id: z.string().nullish(),
    event_id: id,
    event: z.looseObject({ type: z.string(), item: object.optional() }),
    authorizations: z
      .array(
        z.looseObject({
          team_id: z.string().nullish(),
          enterprise_id: z.string().nullish(),
          is_enterprise_install: z.boolean().optional(),
        }),
      )
      .optional(),
  }),
  z.looseObject({ type: z.literal("url_verification"), challenge: z.string() }),
  z.looseObject({ type: z.literal("app_rate_limited") }),
]);

const slashCommand = z.object({
  command: z.string().startsWith("/"),
  text: z.string().default(""),
  user_id: id,
  team_id: id,
  channel_id: id,
  response_url: z.string(),
  trigger_id: z.string(),
});

export type SlackBody = Record<string, unknown>;

/** The body as an object Bolt can route, or undefined when it is not something Slack sends. */
export function parseSlackBody(raw: string, contentType: string): SlackBody | undefined {
  try {
    if (contentType.includes("application/json")) return checked(json, parseJson(raw));
    const form = new URLSearchParams(raw);
    const interactive = form.get("payload");
    if (interactive !== null) return checked(payload, parseJson(interactive));
    const fields = Object.fromEntries([...form].map(([key, value]) => [key, value.replaceAll("\u0000", "")]));
    if (fields.ssl_check) return fields;
    const command = slashCommand.safeParse(fields);
    return command.success ? { ...fields, ...command.data } : undefined;
  } catch {
    return undefined;
  }
}

function checked(schema: z.ZodType<SlackBody>, value: unknown): SlackBody | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

// JSON must escape a NUL as \u0000, so the slower reviver runs only for the rare body that has one.
function parseJson(text: string): unknown {
  return text.includes("\\u0000") ? JSON.parse(text, withoutNul) : JSON.parse(text);
}

/** PostgreSQL text cannot hold NUL, and no Slack field means anything by one: drop them on the way in. */
function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === "string" ? value.replaceAll("\u0000", "") : value;
}
