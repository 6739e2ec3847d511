// Signing in and out: by name (the person switcher, when allowed) or with an invite link's token.
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { clearedSessionCookie, sessionCookie } from "../auth/cookies.ts";
import { isFromThisMachine } from "../auth/request-checks.ts";
import type { SessionState } from "../protocol.ts";
import { type SessionRecord, sessionLifetimeDays } from "../service/credentials.ts";
import { Refusal } from "../service/errors.ts";
import type { WorkspaceService } from "../service/index.ts";
import { get, type JsonReply, post, type WebRoute } from "./route-kit.ts";

export type DevSignIn = "on" | "local" | "off";

export interface SessionRouteOptions {
  service: WorkspaceService;
  devSignIn: DevSignIn;
  secureCookie: boolean;
}

export function devSignInAllowed(mode: DevSignIn, request: IncomingMessage): boolean {
  return mode === "on" || (mode === "local" && isFromThisMachine(request));
}

const timezone = z.string().max(64).optional();

export function sessionRoutes(options: SessionRouteOptions): WebRoute[] {
  const { service } = options;
  const { store, hub } = service.context;
  const { credentials } = service;

  async function signIn(userId: string, previous: SessionRecord | null, zone: string | undefined): Promise<JsonReply> {
    if (previous) {
      await credentials.endSession(previous.idHash);
      hub.endSession(previous.idHash);
    }
    const session = await credentials.createSession(userId);
    if (zone) await service.people.setTimezone(userId, zone);
    return {
      body: { signedIn: true },
      setCookie: sessionCookie(session.id, {
        secure: options.secureCookie,
        maxAgeSeconds: sessionLifetimeDays * 24 * 60 * 60,
      }),
    };
  }

  return [
    get("/api/session", "anyone", async ({ request, session }) => {
      const allowed = devSignInAllowed(options.devSignIn, request);
      const state: SessionState = {
        signedIn: session !== null,
        devSignIn: allowed,
        people: allowed ? await store.accounts.list() : [],
      };
      return { body: state };
    }),

    post(
      "/api/session/name",
      "anyone",
      z.union([z.object({ userId: z.string().max(100), timezone }), z.object({ name: z.string().max(500), timezone })]),
      async ({ request, session, body }) => {
        if (!devSignInAllowed(options.devSignIn, request)) {
          throw new Refusal("forbidden", "Sign-in by name is off here: please use your invite link.");
        }
        if ("userId" in body) {
          const person = await store.accounts.find(body.userId);
          if (!person) throw new Refusal("not_found", "This person is not in the workspace any more.");
          return signIn(person.id, session, body.timezone);
        }
        const person = await service.people.create(body.name);
        return signIn(person.id, session, body.timezone);
      },
    ),

    post(
      "/api/session/invite",
      "anyone",
      z.object({ token: z.string().max(200), timezone }),
      async ({ session, body }) => {
        const userId = await credentials.redeemInvite(body.token);
        if (!userId) {
          throw new Refusal(
            "unauthenticated",
            "This invite link is not valid (expired, replaced by a newer one, or mistyped). Ask for a new one.",
          );
        }
        return signIn(userId, session, body.timezone);
      },
    ),

    post("/api/session/signout", "anyone", z.object({}), async ({ session }) => {
      if (session) {
        await credentials.endSession(session.idHash);
        hub.endSession(session.idHash);
      }
      return { body: { signedIn: false }, setCookie: clearedSessionCookie(options.secureCookie) };
    }),

    post("/api/me/timezone", "person", z.object({ timezone: z.string().max(64) }), async ({ session, body }) => {
      await service.people.setTimezone(session!.userId, body.timezone);
      return { body: { ok: true } };
    }),
  ];
}
