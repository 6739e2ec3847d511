// A person's home view: what Clusterbot shows them (their projects and what is left to do), or a welcome until it
// has something to show.
import type { Bootstrap, WirePanel } from "../protocol.ts";
import { Blocks, type OnAction } from "./content.tsx";

export function Home(props: { boot: Bootstrap; home: WirePanel | null; onAction: OnAction }) {
  return (
    <section class="conversation home" aria-labelledby="conversation-title">
      <header class="conversation-header">
        <h1 id="conversation-title" tabIndex={-1} data-focus-fallback>
          Home
        </h1>
      </header>
      <div class="scroller home-body" data-testid="home">
        {props.home ? (
          <Blocks blocks={props.home.blocks} onAction={props.onAction} busy={false} />
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
