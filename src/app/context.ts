import type { Logger } from "../logging/logger.ts";
import type { Repositories } from "../store/repositories/index.ts";
import type { ChatPort } from "./ports/chat.ts";

/** Who is acting: the person behind a platform user, in one workspace. */
export interface Actor {
  workspaceId: string;
  personId: string;
  /** The platform's user id, for replies addressed to them. */
  userExternalId: string;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Collaborators every use case may need, passed in once by the composition root. */
export interface AppDependencies {
  repos: Repositories;
  clock: Clock;
  logger: Logger;
  chatForWorkspace(workspaceId: string): Promise<ChatPort>;
}
