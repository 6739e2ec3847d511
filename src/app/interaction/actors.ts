// Actor resolution: the platform's workspace and user → our workspace and person, created on first sight, with the
// person's name, email and time zone refreshed from their platform profile (at most once a day per person).
import type { Clock } from "../../core/reminders/clock.ts";
import type { Logger } from "../../logging/logger.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import type { Actor } from "../context.ts";
import type { PersonProfile } from "../ports/notify.ts";
import type { Origin } from "./interaction.ts";

export interface ActorResolver {
  /** `profile` looks the acting person up on their platform, when the adapter can. */
  resolve(origin: Origin, profile?: () => Promise<PersonProfile | null>): Promise<Actor>;
}

/** A person's platform profile (name, email, time zone) is read again once it is this old: a day. */
export const profileMaxAgeMs = 86_400_000;

export interface ActorResolverOptions {
  /** A known person's profile is read again after this long; default a day. */
  profileMaxAgeMs?: number;
  /** People remembered per process (a request then answers without a write); default 50 000. */
  maxKnown?: number;
}

export function actorResolver(
  repos: Repositories,
  clock: Clock,
  logger: Logger,
  options: ActorResolverOptions = {},
): ActorResolver {
  const maxAgeMs = options.profileMaxAgeMs ?? profileMaxAgeMs;
  const maxKnown = options.maxKnown ?? 50_000;
  const known = new Map<string, { actor: Actor; readAt: number }>();

  return {
    async resolve(origin, profile) {
      const key = `${origin.platform}\u0000${origin.workspace}\u0000${origin.user}`;
      const now = clock.now().getTime();
      const cached = known.get(key);
      if (cached && now - cached.readAt < maxAgeMs) return cached.actor;

      const workspace = await repos.workspaces.ensure(origin.platform, origin.workspace);
      let person = await repos.people.ensure(workspace.id, origin.user);
      // undefined: the surface cannot look people up; null: it could not this time.
      const read = profile
        ? await profile().catch((error: unknown) => {
            logger.warn({ err: error, user: origin.user }, "could not read a person's platform profile");
            return null;
          })
        : undefined;
      if (read) person = await repos.people.updateProfile(person.id, read, clock.now());
      const actor = { workspaceId: workspace.id, personId: person.id };
      // Someone whose profile could not be read yet is looked up again next time.
      if (read !== null || person.displayName !== origin.user) {
        if (known.size >= maxKnown) known.clear();
        known.set(key, { actor, readAt: now });
      }
      return actor;
    },
  };
}
