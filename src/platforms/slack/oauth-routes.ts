// GET /slack/install (the "Add to Slack" page) and GET /slack/oauth_redirect (where Slack sends the person back).
// Every way the redirect can fail gets a page that says what happened and what to do, with a 4xx status when it is
// the visitor's side (they cancelled, the link is old or already used) and 502 when Slack refused the exchange.
import type { ServerResponse } from "node:http";
import { type CallbackOptions, ErrorCode, type InstallProvider } from "@slack/oauth";
import type { Route } from "../../http/server.ts";
import type { Logger } from "../../logging/logger.ts";
import { readSlackManifest } from "./manifest.ts";

export function oauthRoutes(installer: InstallProvider, publicUrl: string | undefined, logger?: Logger): Route[] {
  const redirectUri = publicUrl
    ? new URL("slack/oauth_redirect", publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`).toString()
    : undefined;
  const installOptions = async () => ({
    scopes: (await readSlackManifest()).oauth_config.scopes.bot,
    ...(redirectUri ? { redirectUri } : {}),
  });
  const callbackOptions: CallbackOptions = {
    failure: (error, _options, _request, response) => {
      const page = failurePage(error.code);
      if (page.status >= 500) logger?.warn({ code: error.code }, "a Slack install did not complete");
      else logger?.info({ code: error.code }, "a Slack install was cancelled or refused");
      sendPage(response, page.status, page.title, page.text);
    },
  };
  return [
    {
      method: "GET",
      path: "/slack/install",
      handle: async (request, response) =>
        installer.handleInstallPath(request, response, undefined, await installOptions()),
    },
    {
      method: "GET",
      path: "/slack/oauth_redirect",
      handle: async (request, response) =>
        installer.handleCallback(request, response, callbackOptions, await installOptions()),
    },
  ];
}

function failurePage(code: string): { status: number; title: string; text: string } {
  switch (code) {
    case ErrorCode.AuthorizationError:
      return {
        status: 400,
        title: "Installation cancelled",
        text: "Clusterbot was not installed, because the installation was cancelled in Slack. Nothing was changed in your workspace.",
      };
    case ErrorCode.InvalidStateError:
    case ErrorCode.MissingStateError:
    case ErrorCode.MissingCodeError:
      return {
        status: 400,
        title: "This installation link cannot be used",
        text: "The link has expired, was already used, or was opened in another browser. Please start again from the install page.",
      };
    default:
      return {
        status: 502,
        title: "Slack did not complete the installation",
        text: "Slack did not confirm the installation. Please try again in a moment.",
      };
  }
}

function sendPage(response: ServerResponse, status: number, title: string, text: string): void {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: sans-serif; max-width: 36rem; margin: 3rem auto; line-height: 1.5">
<h1>${title}</h1>
<p>${text}</p>
<p><a href="/slack/install">Back to the install page</a></p>
</body></html>`;
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  response.end(html);
}
