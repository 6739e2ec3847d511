// A person's home view: what Clusterbot shows them (their tasks), or a welcome until it has something.
import type { Bootstrap, MessageContent } from "../protocol.ts";
import { Content, type OnAction } from "./content.tsx";

export function Home(props: { boot: Bootstrap; home: MessageContent | null; onAction: OnAction }) {
  return (
    <section class="conversation home" aria-labelledby="conversation-title">
      <header class="conversation-header">
        <h1 id="conversation-title" tabIndex={-1} data-focus-fallback>
          Home
        </h1>
      </header>
      <div class="scroller home-body">
        {props.home ? (
          <Content content={props.home} onAction={props.onAction} />
        ) : (
          <>
            <p>Welcome, {props.boot.me.name}.</p>
            <p>
              Clusterbot will show your workshop here: homework to finish, clusters to review, working groups to join.
            </p>
            {!props.boot.botConnected && <p class="hint">Clusterbot is not connected to this workspace yet.</p>}
            <p class="hint">
              Type <code>/cluster help</code> in any message box to see what it can do.
            </p>
          </>
        )}
      </div>
    </section>
  );
}
