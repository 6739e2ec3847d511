// Checks on where a request comes from: same-origin for anything that changes state (CSRF), this machine for
// sign-in by name in `local` mode and for the admin route.
import type { IncomingMessage } from "node:http";
import { csrfHeader } from "../protocol.ts";

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith("::ffff:") ? address.slice(7) : address;
  return plain === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

function hostName(host: string): string {
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]"));
  const colon = host.lastIndexOf(":");
  return colon >= 0 ? host.slice(0, colon) : host;
}

/**
 * From this machine, by a loopback name: a page on another site that rebinds its DNS name to 127.0.0.1 still
 * sends its own name as Host, so it does not pass.
 */
export function isFromThisMachine(request: IncomingMessage): boolean {
  const name = hostName(request.headers.host ?? "").toLowerCase();
  const loopbackName = name === "localhost" || name === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
  return loopbackName && isLoopbackAddress(request.socket.remoteAddress);
}

/**
 * Why a state-changing request is refused, or null when it is fine: it must carry our header (a cross-site form
 * cannot, and a cross-site script cannot without a CORS preflight we never grant), send JSON (or a file's bytes), and, when the
 * browser says where it comes from, come from this origin.
 */
export function crossSiteProblem(
  request: IncomingMessage,
  publicUrl: string | undefined,
  body: "json" | "bytes" = "json",
): string | null {
  if (request.headers[csrfHeader] !== "1") return `missing the ${csrfHeader} header`;
  const type = (request.headers["content-type"] ?? "").toLowerCase();
  // Neither type is one a cross-site form can send.
  if (body === "json" && !type.startsWith("application/json")) return "expected a JSON body";
  if (body === "bytes" && !type.startsWith("application/octet-stream")) return "expected a file's bytes";
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return `a ${site} request`;
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  try {
    const given = new URL(origin);
    if (given.host === request.headers.host) return null;
    if (publicUrl && given.origin === new URL(publicUrl).origin) return null;
  } catch {
    return "an unreadable Origin header";
  }
  return `a request from ${origin}`;
}
