// The front end: bundled by esbuild in memory when the workspace starts (so it is never stale, needs no build
// step, no CDN and no network), and served with a strict Content-Security-Policy.
import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { get, type WebRoute } from "./route-kit.ts";

export interface ClientBundle {
  js: Uint8Array;
  css: Uint8Array;
  hash: string;
  buildMs: number;
}

const entry = fileURLToPath(new URL("../client/main.tsx", import.meta.url));
let building: Promise<ClientBundle> | undefined;

/** Builds the browser bundle once per process. */
export function buildClient(): Promise<ClientBundle> {
  building ??= (async () => {
    const started = performance.now();
    const esbuild = await import("esbuild");
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      outdir: "/bundle",
      entryNames: "app",
      format: "esm",
      target: "es2022",
      jsx: "automatic",
      jsxImportSource: "preact",
      minify: true,
      legalComments: "none",
      logLevel: "silent",
      define: { "process.env.NODE_ENV": '"production"' },
    });
    const file = (extension: string) => {
      const output = result.outputFiles.find((candidate) => candidate.path.endsWith(extension));
      if (!output) throw new Error(`the client bundle has no ${extension} output`);
      return output.contents;
    };
    const js = file(".js");
    const css = file(".css");
    const hash = createHash("sha256").update(js).update(css).digest("hex").slice(0, 16);
    return { js, css, hash, buildMs: performance.now() - started };
  })();
  building.catch(() => {
    building = undefined;
  });
  return building;
}

const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function pageHtml(bundle: ClientBundle, title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<link rel="stylesheet" href="/app.css?v=${bundle.hash}">
</head>
<body>
<div id="app"></div>
<noscript>This workspace needs JavaScript.</noscript>
<script type="module" src="/app.js?v=${bundle.hash}"></script>
</body>
</html>
`;
}

function send(response: ServerResponse, type: string, body: Uint8Array | string, etag?: string): void {
  response.writeHead(200, {
    "content-type": type,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-cache",
    "content-security-policy": contentSecurityPolicy,
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    ...(etag ? { etag: `"${etag}"` } : {}),
  });
  response.end(body);
}

export function assetRoutes(bundle: ClientBundle): WebRoute[] {
  const html = pageHtml(bundle, "Clusterbot workspace");
  const page = get("/", "anyone", async ({ response }) => {
    send(response, "text/html; charset=utf-8", html);
    return undefined;
  });
  const asset = (path: string, type: string, body: Uint8Array) =>
    get(path, "anyone", async ({ request, response }) => {
      if (request.headers["if-none-match"] === `"${bundle.hash}"`) {
        response.writeHead(304, { etag: `"${bundle.hash}"` }).end();
      } else {
        send(response, type, body, bundle.hash);
      }
      return undefined;
    });
  return [
    page,
    // The invite landing page: the same app, which reads the token from the part of the URL after "#"
    // (browsers never send that part to a server, so it stays out of logs and Referer headers).
    { ...page, path: "/join" },
    asset("/app.js", "text/javascript; charset=utf-8", bundle.js),
    asset("/app.css", "text/css; charset=utf-8", bundle.css),
  ];
}
