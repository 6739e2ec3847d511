import type { Clock } from "../core/reminders/clock.ts";
import type { QuietHours } from "../core/reminders/quiet-hours.ts";
import type { Logger } from "../logging/logger.ts";
import type { Repositories } from "../store/repositories/index.ts";
import type { ChannelsPort } from "./ports/channels.ts";
import type { NotifyPort } from "./ports/notify.ts";

/** Who is acting: the person behind a platform user, in the workspace they act in. */
export interface Actor {
  workspaceId: string;
  personId: string;
}

export { type Clock, systemClock } from "../core/reminders/clock.ts";

/** Collaborators every use case may need, passed in once by the composition root. */
export interface AppDependencies {
  repos: Repositories;
  clock: Clock;
  logger: Logger;
  /** When nobody is disturbed (default 20:00–08:00 their time, and weekends): reminders and invitations wait. */
  quietHours?: QuietHours;
  /** Messages to a person, once per key. */
  notify: NotifyPort;
  /** Channels, posts and threads (working groups). */
  channels: ChannelsPort;
}
