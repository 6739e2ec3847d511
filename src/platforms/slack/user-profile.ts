// A Slack user (users.info) as the platform-neutral profile, read the same way everywhere.
import { z } from "zod";
import type { PersonProfile } from "../../app/ports/notify.ts";

export const slackUserSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  real_name: z.string().optional(),
  tz: z.string().nullish(),
  is_bot: z.boolean().optional(),
  profile: z
    .object({ display_name: z.string().optional(), real_name: z.string().optional(), email: z.string().optional() })
    .optional(),
});

export type SlackUser = z.infer<typeof slackUserSchema>;

/** Full names read best in facilitators' lists, so the real name comes before the chosen display name. */
export function toPersonProfile(user: SlackUser): PersonProfile {
  return {
    displayName: user.real_name || user.profile?.real_name || user.profile?.display_name || user.name || user.id,
    email: user.profile?.email ?? null,
    timezone: user.tz ?? null,
    isBot: user.is_bot ?? false,
  };
}
