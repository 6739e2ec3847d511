// The browser workspace's routes, made into routes of our one HTTP server: each is checked (session, same
// origin for anything that changes state), its JSON body read and narrowed, and refusals answered as JSON.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { type Route, sendJson } from "../../../http/server.ts";
import { readCookie, sessionCookieName } from "../auth/cookies.ts";
import { crossSiteProblem } from "../auth/request-checks.ts";
import type { ApiError } from "../protocol.ts";
import type { CredentialService, SessionRecord } from "../service/credentials.ts";
import { Refusal, type RefusalCode } from "../service/errors.ts";
import { BodyTooLargeError, readBytes, readJson } from "./body.ts";

export interface RouteContext<Body = unknown> {
  request: IncomingMessage;
  response: ServerResponse;
  query: URLSearchParams;
  /** Null only on routes open to anyone. */
  session: SessionRecord | null;
  body: Body;
}

export interface JsonReply {
  status?: number;
  body: unknown;
  setCookie?: string;
}

export interface WebRoute {
  method: "GET" | "POST";
  path: string;
  /** `person`: a signed-in session is required; `anyone`: sign-in pages, assets and the admin route. */
  access: "person" | "anyone";
  /** For POST routes: the body's shape (anything else is a 400). */
  body?: z.ZodType;
  /** A POST route whose body is a file's bytes (at most this many), not JSON. */
  bytes?: { limit: number; what: string };
  /** A JSON reply, or nothing when the route answered by itself (assets, the live stream). */
  handle(context: RouteContext): Promise<JsonReply | undefined>;
}

/** Declares a route whose handler gets its body already narrowed by the schema. */
export function post<S extends z.ZodType>(
  path: string,
  access: WebRoute["access"],
  body: S,
  handle: (context: RouteContext<z.infer<S>>) => Promise<JsonReply | undefined>,
): WebRoute {
  return { method: "POST", path, access, body, handle: (context) => handle(context as RouteContext<z.infer<S>>) };
}

/** Declares a route whose body is a file's bytes (`application/octet-stream`), read up to `limit`. */
export function upload(
  path: string,
  bytes: { limit: number; what: string },
  handle: (context: RouteContext<Buffer>) => Promise<JsonReply | undefined>,
): WebRoute {
  return {
    method: "POST",
    path,
    access: "person",
    bytes,
    handle: (context) => handle(context as RouteContext<Buffer>),
  };
}

export function get(
  path: string,
  access: WebRoute["access"],
  handle: (context: RouteContext) => Promise<JsonReply | undefined>,
): WebRoute {
  return { method: "GET", path, access, handle };
}

const statusOf: Record<RefusalCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

export function sendError(response: ServerResponse, status: number, error: ApiError): void {
  response.setHeader("cache-control", "no-store");
  sendJson(response, status, error);
}

export function toServerRoutes(
  routes: WebRoute[],
  options: { credentials: CredentialService; publicUrl: string | undefined },
): Route[] {
  return routes.map((route) => ({
    method: route.method,
    path: route.path,
    async handle(request, response) {
      response.setHeader("x-content-type-options", "nosniff");
      try {
        if (route.method === "POST") {
          const problem = crossSiteProblem(request, options.publicUrl, route.bytes ? "bytes" : "json");
          if (problem) throw new Refusal("forbidden", `Refused: ${problem}.`);
        }
        const session = await sessionOf(request, options);
        if (route.access === "person" && !session) throw new Refusal("unauthenticated", "Please sign in.");
        const raw = route.bytes
          ? await readBytes(request, route.bytes.limit, route.bytes.what)
          : route.method === "POST"
            ? await readJson(request)
            : undefined;
        const parsed = route.body ? route.body.safeParse(raw) : { success: true as const, data: raw };
        if (!parsed.success) throw new Refusal("invalid", "The request is not what this address expects.");
        const query = new URL(request.url ?? "/", "http://workspace").searchParams;
        const reply = await route.handle({ request, response, query, session, body: parsed.data });
        if (!reply) return;
        response.setHeader("cache-control", "no-store");
        if (reply.setCookie) response.setHeader("set-cookie", reply.setCookie);
        sendJson(response, reply.status ?? 200, reply.body);
      } catch (error) {
        if (error instanceof Refusal) {
          sendError(response, statusOf[error.code], {
            error: error.code,
            message: error.message,
            ...(error.fields ? { fields: error.fields } : {}),
          });
        } else if (error instanceof BodyTooLargeError) {
          // The rest of the body is not read: the connection ends with the answer.
          response.setHeader("connection", "close");
          sendError(response, 413, { error: "too_large", message: `Refused: ${error.message}.` });
        } else {
          throw error;
        }
      }
    },
  }));
}

async function sessionOf(
  request: IncomingMessage,
  options: { credentials: CredentialService },
): Promise<SessionRecord | null> {
  const id = readCookie(request.headers.cookie, sessionCookieName);
  if (!id || id.length > 200) return null;
  return options.credentials.findSession(id);
}
