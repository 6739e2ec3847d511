// Webhook parsing: the body of POST /api/messages is narrowed here, once, before the Teams SDK sees it. The SDK
// casts whatever arrives to an Activity and reads `serviceUrl.endsWith`, `conversation.id`, `from.id`… so a body
// without those (or with the wrong types) would be a 500 from deep inside it; here it is a 400.
import { z } from "zod";

const maxId = 1024;

const account = z.looseObject({
  id: z.string().max(maxId),
  name: z.string().max(1024).optional(),
  aadObjectId: z.string().max(128).optional(),
  role: z.string().max(32).optional(),
});

const conversation = z.looseObject({
  id: z.string().min(1).max(maxId),
  conversationType: z.string().max(32).optional(),
  tenantId: z.string().max(128).optional(),
  isGroup: z.boolean().optional(),
  name: z.string().max(1024).optional(),
});

const httpUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      return ["http:", "https:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, "expected an http(s) URL");

const channelData = z.looseObject({
  eventType: z.string().max(64).optional(),
  tenant: z.looseObject({ id: z.string().max(128) }).optional(),
  team: z
    .looseObject({
      id: z.string().max(maxId),
      name: z.string().max(1024).optional(),
      aadGroupId: z.string().max(128).optional(),
    })
    .optional(),
  channel: z.looseObject({ id: z.string().max(maxId), name: z.string().max(1024).optional() }).optional(),
});

export const activityEnvelope = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(maxId).optional(),
  name: z.string().max(256).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: httpUrl,
  from: account,
  recipient: account,
  conversation,
  channelData: channelData.optional(),
  text: z.string().max(200_000).optional(),
  textFormat: z.string().max(32).optional(),
  locale: z.string().max(32).optional(),
  localTimezone: z.string().max(64).optional(),
  replyToId: z.string().max(maxId).optional(),
  action: z.string().max(32).optional(),
  membersAdded: z.array(account).max(1000).optional(),
  membersRemoved: z.array(account).max(1000).optional(),
  entities: z
    .array(z.looseObject({ type: z.string().max(128) }))
    .max(100)
    .optional(),
  attachments: z
    .array(z.looseObject({ contentType: z.string().max(256) }))
    .max(50)
    .optional(),
});

export type ActivityEnvelope = z.infer<typeof activityEnvelope>;

export type EnvelopeCheck = { ok: true; activity: ActivityEnvelope } | { ok: false; problem: string };

export function checkActivityEnvelope(body: unknown): EnvelopeCheck {
  const parsed = activityEnvelope.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "body";
  return { ok: false, problem: `${where}: ${issue?.message ?? "not an activity"}` };
}
