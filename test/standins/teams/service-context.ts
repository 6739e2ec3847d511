// What every service of the stand-in shares: its state, its key, the app it serves, and the checks on each call.
import type { Faults, Service } from "./faults.ts";
import { type Answer, bearer, graphError, json, type Request } from "./http.ts";
import { type SigningKey, verifyJwt } from "./jwt.ts";
import type { SentActivity, TeamsState } from "./state.ts";

export interface ServiceContext {
  state: TeamsState;
  key: SigningKey;
  appId: string;
  appPassword: string;
  tenantId: string;
  url: string;
  faults: Faults;
  /** Channel posts people made (the driver's), which the bot may reply to. */
  knownPosts: Set<string>;
  /** Users who removed the bot: a 1:1 chat with them cannot be opened. */
  uninstalledFor: Set<string>;
  nowSeconds(): number;
  nextActivityId(): string;
  onSent(entry: SentActivity): void;
  /** An error answer when the call carries no valid token for `audience` or a fault is queued; else undefined. */
  authorize(request: Request, audience: string, service: Service): Answer | undefined;
}

export function authorizeWith(
  context: Omit<ServiceContext, "authorize">,
): (request: Request, audience: string, service: Service) => Answer | undefined {
  return (request, audience, service) => {
    const token = bearer(request);
    const problem = token
      ? verifyJwt(token, context.key, { audience, appId: context.appId, nowSeconds: context.nowSeconds() })
      : ({ ok: false, reason: "no bearer token" } as const);
    if (!problem.ok) {
      return service === "graph"
        ? graphError(401, "InvalidAuthenticationToken", `Access token is invalid: ${problem.reason}.`)
        : json(401, { message: `Authorization has been denied for this request (${problem.reason}).` });
    }
    const fault = context.faults.take(service, request);
    if (!fault) return undefined;
    const headers: Record<string, string> = fault.retryAfterSeconds
      ? { "retry-after": String(fault.retryAfterSeconds) }
      : {};
    return { status: fault.status, body: { error: { code: fault.code, message: "Injected by the test." } }, headers };
  };
}
