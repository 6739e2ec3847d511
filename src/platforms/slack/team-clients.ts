// Keeping cached per-team Slack clients honest: a cached client whose token Slack no longer accepts is forgotten,
// so the next use reads the installation again (reinstalled with a new token, or gone), and an uninstall forgets
// the team's client at once.
import type { ChatPort } from "../../app/ports/chat.ts";
import type { Repositories } from "../../store/repositories/index.ts";
import { SlackCallError } from "./chat-port.ts";

/** Slack's answers meaning "this token is no good any more". */
const revokedTokenErrors = new Set(["invalid_auth", "token_revoked", "account_inactive", "not_authed"]);

export function isRevokedToken(error: unknown): boolean {
  return error instanceof SlackCallError && revokedTokenErrors.has(error.code);
}

/** The same port, calling `forget` when Slack refuses its token (the error still reaches the caller). */
export function forgetOnRevokedToken(port: ChatPort, forget: () => void): ChatPort {
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (error) {
        if (isRevokedToken(error)) forget();
        throw error;
      }
    };
  return {
    sendDirectMessage: guard(port.sendDirectMessage.bind(port)),
    postToChannel: guard(port.postToChannel.bind(port)),
    hasTaggedDirectMessage: guard(port.hasTaggedDirectMessage.bind(port)),
    userProfile: guard(port.userProfile.bind(port)),
    doNotDisturbUntil: guard(port.doNotDisturbUntil.bind(port)),
  };
}

type RemovalListener = (teamId: string) => void;

/** Who wants to hear that a team's installation was removed, per store (an adapter and its listeners share one). */
const removalListeners = new WeakMap<Repositories, Set<RemovalListener>>();

export function onInstallationRemoved(repos: Repositories, listener: RemovalListener): void {
  const listeners = removalListeners.get(repos) ?? new Set<RemovalListener>();
  listeners.add(listener);
  removalListeners.set(repos, listeners);
}

export function installationRemoved(repos: Repositories, teamId: string): void {
  for (const listener of removalListeners.get(repos) ?? []) listener(teamId);
}
