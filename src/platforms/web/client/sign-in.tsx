// Sign-in: pick a person or join under a new name (when sign-in by name is allowed), else how to get an invite.
import { useState } from "preact/hooks";
import type { SessionState } from "../protocol.ts";
import { ApiFailure, messageOf, postJson } from "./api.ts";

export function SignIn(props: { session: SessionState; problem: string | null; onSignedIn(): void }) {
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(props.problem);
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function signIn(body: { userId: string } | { name: string }) {
    try {
      await postJson("/api/session/name", { ...body, timezone });
      props.onSignedIn();
    } catch (error) {
      if (error instanceof ApiFailure && error.fields.name) setNameError(error.fields.name);
      else setProblem(messageOf(error));
    }
  }

  return (
    <main class="centered sign-in">
      <h1>Clusterbot workspace</h1>
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
      {props.session.devSignIn ? (
        <>
          {props.session.people.length > 0 && (
            <section aria-labelledby="pick-heading">
              <h2 id="pick-heading">Sign in as</h2>
              <ul class="people-pick">
                {props.session.people.map((person) => (
                  <li key={person.id}>
                    <button type="button" onClick={() => signIn({ userId: person.id })}>
                      {person.name}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <form
            class="new-person"
            onSubmit={(event) => {
              event.preventDefault();
              void signIn({ name });
            }}
          >
            <h2>{props.session.people.length > 0 ? "Or join as someone new" : "Join the workspace"}</h2>
            <label for="new-person-name">Your name</label>
            <input
              id="new-person-name"
              type="text"
              autoComplete="name"
              maxLength={80}
              value={name}
              aria-invalid={nameError ? "true" : undefined}
              aria-describedby={nameError ? "new-person-name-error" : undefined}
              onInput={(event) => {
                setName(event.currentTarget.value);
                setNameError(null);
              }}
            />
            {nameError && (
              <p id="new-person-name-error" class="field-error">
                {nameError}
              </p>
            )}
            <button type="submit" class="primary">
              Join
            </button>
            <p class="hint">
              Sign-in by name is on for this machine (development). Invite links are for a shared team.
            </p>
          </form>
        </>
      ) : (
        <p>
          Open the invite link you were given to sign in. The person who runs this workspace makes one with{" "}
          <code>npx clusterbot web invite "Your Name"</code>.
        </p>
      )}
    </main>
  );
}
