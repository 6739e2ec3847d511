// Signed in or not: the sign-in page (by name, when allowed, or an invite link) or the workspace.
import { useEffect, useState } from "preact/hooks";
import type { SessionState } from "../protocol.ts";
import { getJson, messageOf, postJson } from "./api.ts";
import { SignIn } from "./sign-in.tsx";
import { StatusPage } from "./status-page.tsx";
import { Workspace } from "./workspace.tsx";

export const browserTimezone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function Root() {
  const [session, setSession] = useState<SessionState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function refresh() {
    try {
      setSession(await getJson<SessionState>("/api/session"));
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  useEffect(() => {
    void (async () => {
      if (window.location.pathname === "/join") {
        const token = window.location.hash.replace(/^#/, "");
        // The token leaves the address bar (and history) at once.
        window.history.replaceState(null, "", "/");
        if (token) {
          try {
            await postJson("/api/session/invite", { token, timezone: browserTimezone() });
          } catch (error) {
            setProblem(messageOf(error));
          }
        }
      }
      await refresh();
    })();
  }, []);

  if (!session) return <StatusPage loading="Loading the workspace…" problem={problem} />;
  if (!session.signedIn) return <SignIn session={session} problem={problem} onSignedIn={refresh} />;
  return <Workspace onSignedOut={refresh} />;
}
